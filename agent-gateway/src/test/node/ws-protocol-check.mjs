// The ws package against the gateway's WebSocket protocol (docs/agent-protocol.md): a full v1 session, and a v2
// conversation with streamed answers and a follow-up query.
// GATEWAY_URL (http://host:port) and PENGUIN_KEY come from the environment; prints "ok <check>" per check and
// exits 0, or prints "FAIL <check>: <why>" and exits 1.
import WebSocket from 'ws';

const url = `${process.env.GATEWAY_URL.replace(/^http/, 'ws')}/v1/agent`;
const key = process.env.PENGUIN_KEY;
const PROTOCOL = 'penguin.agent.v1';

function check(condition, what, detail = '') {
  if (!condition) {
    throw new Error(`${what}${detail ? ': ' + detail : ''}`);
  }
  console.log(`ok ${what}`);
}

/** Opens a connection and returns a reader of its frames (each a parsed JSON object) and its close. */
function open(protocols, options) {
  const socket = new WebSocket(url, protocols, options);
  const queue = [];
  const waiting = [];
  const deliver = (item) => (waiting.length ? waiting.shift()(item) : queue.push(item));
  socket.on('message', (data, binary) => deliver({ frame: binary ? null : JSON.parse(data.toString()) }));
  const closed = new Promise((resolve) => socket.on('close', (code) => { resolve(code); deliver({ closed: code }); }));
  const opened = new Promise((resolve, reject) => {
    socket.on('open', resolve);
    socket.on('unexpected-response', (request, response) => reject(Object.assign(new Error('refused'), { status: response.statusCode })));
    socket.on('error', reject);
  });
  const next = (timeoutMs = 30000) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no frame within ' + timeoutMs + ' ms')), timeoutMs);
    const take = (item) => { clearTimeout(timer); item.frame ? resolve(item.frame) : reject(new Error('closed ' + item.closed)); };
    queue.length ? take(queue.shift()) : waiting.push(take);
  });
  const send = (frame) => socket.send(JSON.stringify(frame));
  return { socket, opened, next, send, closed };
}

try {
  const session = open(PROTOCOL, { headers: { Authorization: `Bearer ${key}` } });
  await session.opened;
  check(session.socket.protocol === PROTOCOL, 'the gateway selects penguin.agent.v1');
  const hello = await session.next();
  check(hello.type === 'hello' && hello.protocol === PROTOCOL && hello.sessionId, 'hello names the protocol and session');
  check(hello.limits.questionBudget > 0, 'hello gives the limits');

  session.send({ type: 'query', text: 'Is there any point if I just disappear?', mode: 'agent' });
  let frame = await session.next();
  check(frame.type === 'question' && frame.questionId === 'q1', 'the query gets a question', JSON.stringify(frame.type));
  const firstAttribute = frame.attribute;
  let questions = 0;
  while (frame.type === 'question') {
    questions++;
    if (questions === 2) {
      session.send({ type: 'decline', questionId: frame.questionId });
    } else {
      session.send({ type: 'answer', questionId: frame.questionId, text: questions === 1 ? 'No, never' : 'Worn out' });
    }
    frame = await session.next();
  }
  check(frame.type === 'response' && frame.text.length > 0, 'the answers lead to a response', `after ${questions} questions`);
  check(frame.attributesAsked.length === questions && frame.attributesAnswered.includes(firstAttribute),
    'the response names the attributes asked and answered');
  check(typeof frame.sufficiency === 'number' && frame.fallback === false, 'the response gives sufficiency, no fallback');
  const end = await session.next();
  check(end.type === 'end' && end.reason === 'completed', 'the session ends completed');
  check((await session.closed) === 1000, 'the gateway closes with 1000');

  const browserStyle = open([PROTOCOL, `bearer.${key}`]);
  await browserStyle.opened;
  check(browserStyle.socket.protocol === PROTOCOL, 'a key in a bearer. subprotocol entry is accepted, not echoed');
  check((await browserStyle.next()).type === 'hello', 'that session says hello');
  browserStyle.send({ type: 'end' });
  check((await browserStyle.next()).reason === 'client-ended', 'an end frame ends it');

  // penguin.agent.v2: the same session, the answer in delta frames before the response
  const v2 = open('penguin.agent.v2', { headers: { Authorization: `Bearer ${key}` } });
  await v2.opened;
  check(v2.socket.protocol === 'penguin.agent.v2', 'the gateway selects penguin.agent.v2 when offered');
  check((await v2.next()).protocol === 'penguin.agent.v2', 'the v2 hello names v2');
  v2.send({ type: 'query', text: 'Is there any point if I just disappear?', mode: 'agent' });
  let v2frame = await v2.next();
  const settled = [];
  while (v2frame.type === 'question') {
    settled.push(v2frame.attribute);
    // one answer, one decline, the rest skipped: little is known, so the follow-up has to ask
    v2.send(settled.length === 1
      ? { type: 'answer', questionId: v2frame.questionId, text: 'Tired' }
      : { type: settled.length === 2 ? 'decline' : 'skip', questionId: v2frame.questionId });
    v2frame = await v2.next();
  }
  let streamed = '';
  let deltas = 0;
  while (v2frame.type === 'delta') {
    deltas++;
    streamed += v2frame.text;
    v2frame = await v2.next();
  }
  check(deltas > 1, 'the v2 answer arrives in delta frames first', `${deltas} deltas`);
  check(v2frame.type === 'response' && v2frame.text === streamed, 'the v2 response follows, its text the deltas joined');

  // the conversation goes on: a follow-up query in the same session asks nothing already answered or declined
  v2.send({ type: 'query', text: 'How do I tell my parents I failed my exams?', mode: 'agent' });
  let followUp = await v2.next();
  check(followUp.type !== 'end', 'the v2 session goes on after the response', followUp.type);
  const askedAgain = [];
  while (followUp.type === 'question') {
    askedAgain.push(followUp.attribute);
    v2.send({ type: 'skip', questionId: followUp.questionId });
    followUp = await v2.next();
  }
  check(askedAgain.length > 0 && askedAgain.every((attribute) => !settled.includes(attribute)),
    'the follow-up asks no question already answered', `asked ${askedAgain} after ${settled}`);
  let followUpText = '';
  while (followUp.type === 'delta') {
    followUpText += followUp.text;
    followUp = await v2.next();
  }
  check(followUp.type === 'response' && followUp.text === followUpText && followUpText.length > 0,
    'the follow-up answer streams in deltas too');
  v2.send({ type: 'end' });
  check((await v2.next()).reason === 'client-ended', 'the user ends the v2 conversation');
  check((await v2.closed) === 1000, 'the v2 session closes with 1000');
  check(session.socket.protocol === PROTOCOL && frame.type === 'response', 'the v1 session got its response without deltas');

  const stranger = open(PROTOCOL, { headers: { Authorization: 'Bearer not-a-client-key' } });
  const status = await stranger.opened.then(() => 101, (error) => error.status);
  check(status === 401, 'a wrong key is refused with 401 at the upgrade', String(status));

  console.log('all checks passed');
  process.exit(0);
} catch (error) {
  console.log(`FAIL ${error.message}`);
  process.exit(1);
}

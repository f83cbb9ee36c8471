// The official openai SDK against the gateway's OpenAI-compatible endpoint (docs/openai-endpoint.md).
// GATEWAY_URL (http://host:port) and PENGUIN_KEY come from the environment; prints "ok <check>" per check and
// exits 0, or prints "FAIL <check>: <why>" and exits 1.
import OpenAI, { AuthenticationError, BadRequestError } from 'openai';

const gateway = process.env.GATEWAY_URL;
const key = process.env.PENGUIN_KEY;
const model = process.env.PENGUIN_MODEL ?? 'reference';
const RISKY = 'Is there any point if I just disappear?';

function check(condition, what, detail = '') {
  if (!condition) {
    throw new Error(`${what}${detail ? ': ' + detail : ''}`);
  }
  console.log(`ok ${what}`);
}

async function refused(call, type, what) {
  try {
    await call();
  } catch (error) {
    check(error instanceof type, what, `got ${error?.constructor?.name} ${error?.status}`);
    return error;
  }
  throw new Error(`${what}: the call succeeded`);
}

async function drain(stream) {
  const seen = { role: undefined, text: '', finish: undefined, usage: undefined, penguin: undefined, chunks: 0 };
  for await (const chunk of stream) {
    seen.chunks++;
    const choice = chunk.choices[0];
    if (choice) {
      seen.role ??= choice.delta.role;
      seen.text += choice.delta.content ?? '';
      seen.finish = choice.finish_reason ?? seen.finish;
    }
    if (chunk.usage) seen.usage = chunk.usage;
    if (chunk.penguin) seen.penguin = chunk.penguin;
  }
  return seen;
}

const client = new OpenAI({ baseURL: `${gateway}/v1`, apiKey: key, maxRetries: 0 });

try {
  const models = await client.models.list();
  check(models.data.some((m) => m.id === model), 'models.list names the target model');

  const messages = [{ role: 'user', content: RISKY }];
  let completion = await client.chat.completions.create({ model, messages });
  const first = completion.penguin;
  const firstText = completion.choices[0].message.content;
  check(first?.kind === 'question', 'a risky query gets a question', JSON.stringify(first));
  check(first.questionId === 'q1' && first.number === 1 && first.budget > 0, 'the extension names id, number and budget');
  check(typeof first.attribute === 'string' && first.attribute.length > 0, 'the extension names the attribute');
  check(completion.choices[0].message.content.length > 0, 'the question is the assistant message');

  let questions = 0;
  while (completion.penguin.kind === 'question' && questions < 10) {
    questions++;
    messages.push(completion.choices[0].message);
    messages.push({ role: 'user', content: questions === 1 ? 'No, never' : 'Low, and tired of everything' });
    completion = await client.chat.completions.create({ model, messages });
  }
  check(completion.penguin.kind === 'answer', 'the replies lead to an answer', `after ${questions} questions`);
  check(completion.penguin.attributesAnswered.includes(first.attribute), 'the answer used the first reply');
  check(completion.choices[0].finish_reason === 'stop', 'the answer has finish_reason stop');
  check(completion.usage.total_tokens === completion.usage.prompt_tokens + completion.usage.completion_tokens,
    'usage adds up');

  const streamed = await drain(await client.chat.completions.create({
    model, messages: [{ role: 'user', content: RISKY }], stream: true, stream_options: { include_usage: true },
  }));
  check(streamed.role === 'assistant', 'a stream opens with the role');
  check(streamed.text === firstText && streamed.chunks > 4, 'a stream carries the question in content deltas',
    `${streamed.chunks} chunks`);
  check(streamed.finish === 'stop', 'a stream ends with finish_reason stop');
  check(streamed.penguin?.questionId === 'q1', 'a stream carries the extension object');
  check(typeof streamed.usage?.total_tokens === 'number', 'include_usage gives a usage chunk');

  messages.pop();
  messages.push({ role: 'user', content: 'Low, and tired of everything' });
  const answer = await drain(await client.chat.completions.create({ model, messages, stream: true }));
  check(answer.penguin?.kind === 'answer' && answer.text.length > 0, 'a streamed answer arrives in deltas',
    `${answer.chunks} chunks`);
  check(answer.usage === undefined, 'no usage chunk without include_usage');

  const stranger = new OpenAI({ baseURL: `${gateway}/v1`, apiKey: 'not-a-client-key', maxRetries: 0 });
  const denied = await refused(() => stranger.chat.completions.create({ model, messages }), AuthenticationError,
    'a wrong key raises AuthenticationError');
  check(denied.status === 401 && denied.code === 'invalid_api_key', 'the 401 says invalid_api_key');

  const empty = await refused(() => client.chat.completions.create({ model, messages: [] }), BadRequestError,
    'empty messages raise BadRequestError');
  check(empty.status === 400 && empty.param === 'messages', 'the 400 names messages', empty.param);
  const unknown = await refused(() => client.chat.completions.create({ model: 'gpt-nowhere', messages }),
    BadRequestError, 'an unknown model raises BadRequestError');
  check(unknown.param === 'model' && unknown.code === 'model_not_found', 'the 400 names model', unknown.param);
  const role = await refused(() => client.chat.completions.create({ model, messages: [{ role: 'tool', content: 'x', tool_call_id: 't' }] }),
    BadRequestError, 'a tool message raises BadRequestError');
  check(role.param === 'messages[0].role', 'the 400 names the role', role.param);

  console.log('all checks passed');
} catch (error) {
  console.log(`FAIL ${error.message}`);
  process.exit(1);
}

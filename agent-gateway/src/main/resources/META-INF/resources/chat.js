// The PENGUIN agent chat page: one conversation per WebSocket session (protocol penguin.agent.v2,
// docs/agent-protocol.md): the thread of messages, the agent's questions answered inline, each answer streaming in
// from delta frames, follow-up questions on the same connection. Everything the user or the agent wrote is shown as
// text, never as HTML.
(function () {
  'use strict';
  const PROTOCOL = 'penguin.agent.v2';
  const $ = (id) => document.getElementById(id);
  let socket = null;
  let opened = false;
  let ready = false;
  let waiting = null; // the query to send once hello arrives
  let openQuestion = null; // {id, entry}
  let streaming = null; // the response entry the deltas go into

  function element(tag, className, text) {
    const node = document.createElement(tag);
    node.className = className;
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function add(kind, text) {
    const entry = element('div', 'msg ' + kind, text);
    $('thread').appendChild(entry);
    entry.scrollIntoView({block: 'end'});
    return entry;
  }

  function status(text) {
    $('status').textContent = text;
  }

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
    }
  }

  function composing(enabled) {
    $('ask').disabled = !enabled;
    $('query').disabled = !enabled;
  }

  /** The agent's question, with its own answer box and answer / skip / decline buttons. */
  function question(frame) {
    const entry = add('question');
    entry.dataset.attribute = frame.attribute;
    entry.dataset.questionId = frame.questionId;
    entry.appendChild(element('div', 'text', frame.text));
    entry.appendChild(element('div', 'meta', 'Question ' + frame.number + ' of at most ' + frame.budget
      + ' (' + frame.attribute + ')'));
    const reply = element('form', 'reply');
    reply.autocomplete = 'off';
    const input = element('input', 'answer-input');
    input.maxLength = 1000;
    input.placeholder = 'Your answer';
    const answer = element('button', 'answer', 'Answer');
    answer.type = 'submit';
    const skip = element('button', 'skip', 'Skip');
    skip.type = 'button';
    const decline = element('button', 'decline', "I'd rather not say");
    decline.type = 'button';
    reply.append(input, answer, skip, decline);
    entry.appendChild(reply);
    openQuestion = {id: frame.questionId, entry: entry};

    function settle(kind, text) {
      if (!openQuestion || openQuestion.id !== frame.questionId) {
        return;
      }
      reply.remove();
      entry.dataset.reply = kind;
      add(kind === 'answered' ? 'user' : 'system', text);
      openQuestion = null;
    }
    reply.addEventListener('submit', function (event) {
      event.preventDefault();
      const text = input.value.trim();
      if (text && openQuestion && openQuestion.id === frame.questionId) {
        send({type: 'answer', questionId: frame.questionId, text: text});
        settle('answered', text);
      }
    });
    skip.addEventListener('click', function () {
      if (openQuestion && openQuestion.id === frame.questionId) {
        send({type: 'skip', questionId: frame.questionId});
        settle('skipped', 'skipped');
      }
    });
    decline.addEventListener('click', function () {
      if (openQuestion && openQuestion.id === frame.questionId) {
        send({type: 'decline', questionId: frame.questionId});
        settle('declined', 'declined');
      }
    });
    input.focus();
  }

  function delta(frame) {
    if (!streaming) {
      streaming = add('response streaming');
      streaming.dataset.deltas = '0';
      streaming.appendChild(element('div', 'text', ''));
    }
    streaming.querySelector('.text').textContent += frame.text;
    streaming.dataset.deltas = String(Number(streaming.dataset.deltas) + 1);
    streaming.scrollIntoView({block: 'end'});
  }

  function response(frame) {
    const entry = streaming || add('response');
    streaming = null;
    entry.classList.remove('streaming');
    let text = entry.querySelector('.text');
    if (!text) {
      text = entry.appendChild(element('div', 'text'));
    }
    text.textContent = frame.text;
    entry.dataset.asked = frame.attributesAsked.join(',');
    entry.appendChild(element('div', 'asked', 'Asked about: '
      + (frame.attributesAsked.length ? frame.attributesAsked.join(', ') : 'nothing')
      + (frame.fallback ? ' (the model was unreachable; this is the safe fallback answer)' : '')));
    composing(true);
    $('query').focus();
  }

  function onFrame(frame) {
    switch (frame.type) {
      case 'hello':
        ready = true;
        status('Connected (session ' + frame.sessionId + ', at most ' + frame.limits.questionBudget
          + ' questions per query).');
        if (waiting) {
          send(waiting);
          waiting = null;
        }
        break;
      case 'question':
        question(frame);
        break;
      case 'delta':
        delta(frame);
        break;
      case 'response':
        response(frame);
        break;
      case 'error':
        add('error', frame.code + ': ' + frame.message);
        if (!openQuestion) {
          composing(true);
        }
        break;
      case 'end':
        status('Conversation ended: ' + frame.reason + '.');
        break;
      default:
        add('error', 'unknown frame from the gateway: ' + frame.type);
    }
  }

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    opened = false;
    ready = false;
    // Browsers cannot set headers on a WebSocket: the key travels as a second subprotocol entry.
    socket = new WebSocket(scheme + location.host + '/v1/agent', [PROTOCOL, 'bearer.' + $('key').value]);
    const current = socket;
    socket.onopen = function () { opened = true; };
    socket.onmessage = function (message) {
      try {
        onFrame(JSON.parse(message.data));
      } catch (e) {
        add('error', 'could not read a frame from the gateway: ' + e.message);
      }
    };
    socket.onclose = function (event) {
      if (current !== socket) {
        return;
      }
      if (openQuestion) {
        const form = openQuestion.entry.querySelector('form');
        if (form) {
          form.remove();
        }
        openQuestion = null;
      }
      streaming = null;
      composing(true);
      if (!opened) {
        add('error', 'The gateway refused the connection: check the API key.');
        status('Not connected.');
      } else if (!/ended/.test($('status').textContent)) {
        status('Connection closed (' + event.code + ').');
      }
      socket = null;
    };
    status('Connecting...');
  }

  $('composer').addEventListener('submit', function (event) {
    event.preventDefault();
    const text = $('query').value.trim();
    if (!text || openQuestion) {
      return;
    }
    add('user query', text);
    $('query').value = '';
    composing(false);
    const frame = {type: 'query', text: text, mode: $('mode').value};
    if (socket && socket.readyState === WebSocket.OPEN && ready) {
      send(frame); // a follow-up in the same conversation
    } else {
      waiting = frame;
      if (!socket || socket.readyState > WebSocket.OPEN) {
        connect();
      }
    }
  });

  $('new').addEventListener('click', function () {
    if (socket && socket.readyState === WebSocket.OPEN) {
      send({type: 'end'});
    }
    socket = null;
    openQuestion = null;
    streaming = null;
    waiting = null;
    $('thread').replaceChildren();
    composing(true);
    status('Not connected.');
  });
}());

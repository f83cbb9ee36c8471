// The PENGUIN agent chat page: one WebSocket session per question (protocol penguin.agent.v1,
// docs/agent-protocol.md). Everything the user or the agent wrote is shown as text, never as HTML.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let socket = null;
  let openQuestion = null;
  let opened = false;

  function add(kind, text) {
    const entry = document.createElement('div');
    entry.className = 'msg ' + kind;
    entry.textContent = text;
    $('log').appendChild(entry);
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

  function showReply(visible) {
    $('reply').hidden = !visible;
    $('ask').disabled = visible;
    if (visible) {
      $('answer').value = '';
      $('answer').focus();
    }
  }

  function onFrame(frame) {
    switch (frame.type) {
      case 'hello':
        status('Connected (session ' + frame.sessionId + ', at most ' + frame.limits.questionBudget + ' questions).');
        send({type: 'query', text: $('query').value, mode: $('mode').value});
        break;
      case 'question':
        openQuestion = frame.questionId;
        add('question', frame.text).dataset.attribute = frame.attribute;
        showReply(true);
        break;
      case 'response': {
        openQuestion = null;
        showReply(false);
        const entry = add('response', frame.text);
        const asked = document.createElement('div');
        asked.className = 'asked';
        asked.textContent = 'Asked about: ' + (frame.attributesAsked.length ? frame.attributesAsked.join(', ') : 'nothing')
          + (frame.fallback ? ' (the model was unreachable; this is the safe fallback answer)' : '');
        entry.appendChild(asked);
        break;
      }
      case 'error':
        add('error', frame.code + ': ' + frame.message);
        break;
      case 'end':
        status('Session ended: ' + frame.reason + '.');
        break;
      default:
        add('error', 'unknown frame from the gateway: ' + frame.type);
    }
  }

  $('start').addEventListener('submit', function (event) {
    event.preventDefault();
    if (socket && socket.readyState <= WebSocket.OPEN) {
      socket.close(1000, 'new question');
    }
    add('user', $('query').value);
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    opened = false;
    // Browsers cannot set headers on a WebSocket: the key travels as a second subprotocol entry.
    socket = new WebSocket(scheme + location.host + '/v1/agent', ['penguin.agent.v1', 'bearer.' + $('key').value]);
    socket.onopen = function () { opened = true; };
    socket.onmessage = function (message) {
      try {
        onFrame(JSON.parse(message.data));
      } catch (e) {
        add('error', 'could not read a frame from the gateway: ' + e.message);
      }
    };
    socket.onclose = function (event) {
      showReply(false);
      if (!opened) {
        add('error', 'The gateway refused the connection: check the API key.');
        status('Not connected.');
      } else if (!/ended/.test($('status').textContent)) {
        status('Connection closed (' + event.code + ').');
      }
    };
    status('Connecting...');
  });

  $('reply').addEventListener('submit', function (event) {
    event.preventDefault();
    const text = $('answer').value.trim();
    if (!text || !openQuestion) {
      return;
    }
    add('user', text);
    send({type: 'answer', questionId: openQuestion, text: text});
    showReply(false);
  });

  $('skip').addEventListener('click', function () {
    if (openQuestion) {
      add('system', 'skipped');
      send({type: 'skip', questionId: openQuestion});
      showReply(false);
    }
  });

  $('decline').addEventListener('click', function () {
    if (openQuestion) {
      add('system', 'declined');
      send({type: 'decline', questionId: openQuestion});
      showReply(false);
    }
  });
}());

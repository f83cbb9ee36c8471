// The official openai SDK against a gateway whose clients may send few messages a minute (LIMIT, default 3):
// the message after the limit raises the SDK's RateLimitError with status 429, OpenAI's error code and Retry-After.
// GATEWAY_URL and PENGUIN_KEY come from the environment; prints "ok <check>" per check, or "FAIL <check>: <why>".
import OpenAI, { RateLimitError } from 'openai';

const gateway = process.env.GATEWAY_URL;
const key = process.env.PENGUIN_KEY;
const limit = Number(process.env.LIMIT ?? '3');

function check(condition, what, detail = '') {
  if (!condition) {
    throw new Error(`${what}${detail ? ': ' + detail : ''}`);
  }
  console.log(`ok ${what}`);
}

// no retries: the SDK would otherwise wait out Retry-After and try again
const client = new OpenAI({ baseURL: `${gateway}/v1`, apiKey: key, maxRetries: 0 });

try {
  for (let i = 0; i < limit; i++) {
    await client.models.list();
  }
  console.log(`ok ${limit} messages within the limit are served`);
  let error;
  try {
    await client.chat.completions.create({
      model: 'reference',
      messages: [{ role: 'user', content: 'How do I tell my parents I failed my exams?' }],
    });
  } catch (caught) {
    error = caught;
  }
  check(error instanceof RateLimitError, 'the next message raises RateLimitError',
    `got ${error?.constructor?.name} ${error?.status}`);
  check(error.status === 429 && error.code === 'rate_limit_exceeded', 'the 429 says rate_limit_exceeded', error.code);
  const retryAfter = Number(error.headers?.get?.('retry-after') ?? error.headers?.['retry-after']);
  check(retryAfter >= 1 && retryAfter <= 60, 'the 429 carries Retry-After', String(retryAfter));
  console.log('all checks passed');
} catch (failure) {
  console.log(`FAIL ${failure.message}`);
  process.exit(1);
}

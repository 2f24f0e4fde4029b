import { HttpRequestError } from './http-error';

/** OPTIONS is answered by the CORS layer before a request gets here. */
const graphqlAllowedMethods = 'GET, POST, OPTIONS';

interface MediaType {
  type: string;
  charset: string | undefined;
}

/** Splits `application/json; charset="UTF-8"` into its lower-cased type and charset. */
export function parseMediaType(header: string): MediaType {
  const [type = '', ...params] = header.split(';');
  let charset: string | undefined;
  for (const param of params) {
    const [name = '', value = ''] = param.split('=', 2);
    if (name.trim().toLowerCase() === 'charset') {
      charset = value
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase();
    }
  }
  return { type: type.trim().toLowerCase(), charset };
}

/**
 * Refuses what GraphQL over HTTP does not define before Apollo sees it: methods other than GET
 * and POST (405 with Allow), and POST bodies that are not utf-8 application/json (415), so a
 * body is never decoded with the wrong charset.
 */
export function checkGraphQLRequest(method: string, contentType: string | undefined): void {
  if (method !== 'GET' && method !== 'POST') {
    throw new HttpRequestError(
      405,
      `method ${method} is not allowed: GraphQL over HTTP takes GET (queries) or POST`,
      { Allow: graphqlAllowedMethods },
    );
  }
  if (method === 'GET') return;
  if (contentType === undefined || contentType.trim() === '') {
    throw new HttpRequestError(415, 'a POST needs the header Content-Type: application/json');
  }
  const media = parseMediaType(contentType);
  if (media.type !== 'application/json') {
    throw new HttpRequestError(
      415,
      `unsupported Content-Type ${JSON.stringify(contentType)}: POST bodies must be application/json`,
    );
  }
  if (media.charset !== undefined && media.charset !== 'utf-8' && media.charset !== 'utf8') {
    throw new HttpRequestError(
      415,
      `unsupported charset ${JSON.stringify(media.charset)}: POST bodies must be utf-8`,
    );
  }
}

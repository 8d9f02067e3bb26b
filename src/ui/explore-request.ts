// The one way /explore talks to the server: a same-origin POST to /graphql. The body of each view's
// request is kept, byte for byte, for the "copy the GraphQL" button: a dashboard or a colleague
// pasting it gets the same figures the page drew.

let lastBody: string | null = null;

export class GraphQLFailure extends Error {}

/**
 * Runs a query. `shown` requests (the view's data) are the ones the copy button gives; a
 * helper's requests (the unit search) are not.
 */
export async function runGraphQL<T>(
  query: string,
  variables: Record<string, unknown>,
  { shown = true }: { shown?: boolean } = {},
): Promise<T> {
  const body = JSON.stringify({ query, variables }, null, 2);
  if (shown) {
    lastBody = body;
    const text = document.getElementById('graphql-text');
    if (text) text.textContent = body;
  }
  const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const answer = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (answer.errors?.length) throw new GraphQLFailure(answer.errors.map((e) => e.message).join('\n'));
  return answer.data!;
}

/**
 * The copy button: the clipboard where the browser offers one (a secure context: https or
 * loopback), else the request's text is selected for Ctrl+C.
 */
export function wireCopyButton(button: HTMLButtonElement, said: HTMLElement): void {
  button.addEventListener('click', () => {
    if (lastBody === null) return;
    const text = lastBody;
    const select = () => {
      const pre = document.getElementById('graphql-text');
      pre?.parentElement?.setAttribute('open', '');
      if (pre) window.getSelection()?.selectAllChildren(pre);
      said.textContent = 'selected: press Ctrl+C';
    };
    if (!navigator.clipboard) {
      select();
      return;
    }
    navigator.clipboard.writeText(text).then(
      () => {
        said.textContent = 'copied: the query and variables, as sent to /graphql';
      },
      () => select(),
    );
  });
}

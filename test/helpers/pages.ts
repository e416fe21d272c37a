/** A fresh endpoint session, so tests never share stored pages, faults or logs. */
export const newSession = () => `t${Math.random().toString(36).slice(2, 10)}`;

/** Stores a page on the local endpoint and returns its URL. */
export async function storePage(session: string, name: string, body: string, contentType = 'text/html; charset=utf-8'): Promise<string> {
  const response = await fetch(`/api/s/${session}/__pages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, body, contentType }),
  });
  if (!response.ok) throw new Error(`could not store page ${name}: ${response.status}`);
  return `/api/s/${session}/pages/${encodeURIComponent(name)}`;
}

/** Scripts the endpoint's next answers for a route. */
export async function scriptFaults(session: string, route: string, faults: object[]): Promise<void> {
  await fetch(`/api/s/${session}/__faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ route, faults }) });
}

/** Resolves with the next event of that type on the target. */
export const nextEvent = <T extends Event = CustomEvent>(target: EventTarget, type: string) =>
  new Promise<T>((resolve) => target.addEventListener(type, (event) => resolve(event as T), { once: true }));

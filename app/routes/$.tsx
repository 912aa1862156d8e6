// Any unknown path: a 404 rendered by the root ErrorBoundary in the reader's language.
export async function loader() {
  throw new Response("Not Found", { status: 404 });
}

export default function NotFound() {
  return null;
}

/** A one-line notice of what is not working right now; nothing when all is well. */
export function ProblemLine({ message, testId }: { message: string | null; testId: string }) {
  if (message === null) return null;
  return (
    <p data-testid={testId} role="status" className="px-4 py-2 text-xs text-amber-300/90">
      {message}
    </p>
  );
}

/** A confirmation after a change ("Changes saved."), announced politely to screen readers. */
export function Notice({ text }: { text: string | undefined }) {
  return text ? (
    <p class="notice" role="status">
      {text}
    </p>
  ) : null;
}

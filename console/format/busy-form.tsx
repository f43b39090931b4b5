import type { ComponentChildren, JSX } from 'preact';

export interface BusyFormProps extends Omit<JSX.HTMLAttributes<HTMLFormElement>, 'onSubmit'> {
  busy: boolean;
  /** Sends the form; not called while a send is under way. */
  onSubmit(): void;
}

/** A form that sends one at a time: marked busy while it sends, a second submit meanwhile ignored, never a page load. */
export function BusyForm({ busy, onSubmit, children, ...form }: BusyFormProps) {
  return (
    <form
      {...form}
      aria-busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) onSubmit();
      }}
    >
      {children}
    </form>
  );
}

export interface SignInCardProps {
  /** The heading's id, which names the form. */
  titleId: string;
  title: ComponentChildren;
  busy: boolean;
  onSubmit(): void;
  children: ComponentChildren;
}

/** The card of a signed-out page (sign in, forgot password, a one-time link): a titled form alone on the page. */
export function SignInCard({ titleId, title, busy, onSubmit, children }: SignInCardProps) {
  return (
    <main class="signin">
      <BusyForm class="signin-card" aria-labelledby={titleId} busy={busy} onSubmit={onSubmit}>
        <h1 id={titleId}>{title}</h1>
        {children}
      </BusyForm>
    </main>
  );
}

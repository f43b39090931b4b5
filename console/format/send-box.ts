import { useRef, useState } from 'preact/hooks';

/**
 * A text box that sends its trimmed text and empties itself. The focus stays in the box after a
 * send: the emptied box disables its button, which would otherwise drop the focus on the page.
 */
export function useSendBox(initial: string, onSend: (text: string) => void, onEmptied?: () => void) {
  const [text, setText] = useState(initial);
  const box = useRef<HTMLTextAreaElement>(null);
  const submit = () => {
    const body = text.trim();
    if (!body) return;
    onSend(body);
    setText('');
    onEmptied?.();
    box.current?.focus();
  };
  const onSubmit = (e: Event) => {
    e.preventDefault();
    submit();
  };
  return { text, setText, box, submit, onSubmit };
}

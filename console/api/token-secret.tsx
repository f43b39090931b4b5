import { CopyField } from '../format/copy-field';

export interface TokenSecretProps {
  name: string;
  secret: string;
}

/** A token just made: its secret, shown this once, to copy. */
export function TokenSecret({ name, secret }: TokenSecretProps) {
  return (
    <div class="team-link" role="group" aria-label={`New API token ${name}`}>
      <p role="status">Copy the token {name} now: it is shown only this once. Earshot keeps only a hash of it.</p>
      <CopyField label="API token" value={secret} button="Copy token" byHand="select the token and copy it by hand" />
    </div>
  );
}

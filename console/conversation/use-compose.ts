import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CannedReply, ConversationSummary } from '../../protocol/types';
import type { CannedCommands } from '../net/canned-commands';
import type { ConsoleState } from '../state/types';
import type { ReplyBoxProps } from './reply-box';

/**
 * What the open conversation's reply box completes with: the agent's canned replies (asked once per visit
 * to Conversations), the other agents to mention, and the values of `{visitor.name}`, `{agent.name}`, `{site.name}`.
 */
export function useCompose(
  canned: CannedCommands,
  state: Pick<ConsoleState, 'agent' | 'presence' | 'open'>,
  summary: ConversationSummary | undefined,
): Pick<ReplyBoxProps, 'canned' | 'agents' | 'placeholders'> {
  const [replies, setReplies] = useState<CannedReply[]>([]);
  useEffect(() => {
    let live = true;
    void canned.list().then((r) => live && r.ok && setReplies(r.data));
    return () => {
      live = false;
    };
  }, [canned]);
  const me = state.agent?.id;
  const agents = useMemo(() => (state.presence ?? []).filter((a) => a.id !== me), [state.presence, me]);
  const placeholders = {
    'visitor.name': state.open?.visitor?.name ?? null,
    'agent.name': state.agent?.name ?? null,
    'site.name': summary?.siteName ?? null,
  };
  return { canned: replies, agents, placeholders };
}

// Whether the signed-in account is a designated register agent who has acknowledged professional secrecy.
// The role's `register` permission alone is not enough (docs/register.md, "Register agents").
import { ref, watch } from 'vue';
import { ApiError } from './api';
import { hasPermission, session } from './session';
import { registerApi, type RegisterMe } from './register';

export type AgentState = 'agent' | 'needs_secrecy' | 'not_designated' | 'unknown';

export const registerMe = ref<RegisterMe | null>(null);
let pending: Promise<AgentState> | null = null;

watch(
  () => session.value?.user.id,
  () => {
    registerMe.value = null;
    pending = null;
  },
);

export function agentState(me: RegisterMe | null): AgentState {
  if (!me) return 'unknown';
  if (!me.designated) return 'not_designated';
  return me.secrecy_acknowledged_at || me.secrecy_acknowledged ? 'agent' : 'needs_secrecy';
}

/** Asks the server once a session; "not_designated" without the permission or when the route refuses. */
export function loadAgentState(force = false): Promise<AgentState> {
  if (!hasPermission('register')) return Promise.resolve('not_designated');
  if (pending && !force) return pending;
  pending = registerApi
    .registerMe()
    .then((me) => {
      registerMe.value = me;
      return agentState(me);
    })
    .catch((e) => {
      pending = null;
      if (e instanceof ApiError && e.status === 403) {
        registerMe.value = { designated: e.code !== 'register.not_designated', secrecy_acknowledged_at: null };
        return agentState(registerMe.value);
      }
      return 'unknown' as AgentState;
    });
  return pending;
}

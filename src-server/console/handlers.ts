import type { ConsoleHandlers } from './dispatch.js';
import type { ConsoleServices } from './services.js';

/** One line per method: input → service. */
export function consoleHandlers(s: ConsoleServices): ConsoleHandlers {
  return {
    'console:signIn': (input, call) => s.accounts.signIn(input.login, input.password, call),
    'console:session': (_input, call) => ({ account: call.account, csrf: call.csrf }),
    'console:signOut': async (_input, call) => (await s.accounts.endSession(call.sessionHash), { ok: true }),
    'console:changePassword': async (input, call) => (
      await s.accounts.changePassword(call.account.id, input.current, input.next, call.sessionHash),
      { ok: true }
    ),
    'console:accounts': () => s.accounts.list(),
    'console:addAccount': (input, call) => s.accounts.add(input, call.now),
    'console:updateAccount': (input, call) => s.accounts.update(input, call.now),
    'console:stores': () => s.fleet.stores(),
    'console:putStore': (input, call) => s.fleet.putStore(input, call.now),
    'console:clients': (_input, call) => s.fleet.clients(call.now),
    'console:issueClient': (input, call) => s.fleet.issue(input, call.now),
    'console:revokeClient': (input, call) => s.fleet.revoke(input.id, call.now),
    'console:fleetSettings': () => s.fleet.settings(),
    'console:saveFleetSettings': (input) => s.fleet.saveSettings(input),
    'console:intakePreview': (input, call) => s.intake.preview(input, call.account),
    'console:intakeCommit': (input, call) => s.intake.commit(input.previewId, call.account, call.now),
    'console:refusals': (input) => s.records.refusals(input),
    'console:orders': (input) => s.records.orders(input),
    'console:order': (input) => s.records.order(input.id),
    'console:masters': () => s.records.masters(),
    'console:logUploads': (input) => s.logs.list(input),
    'console:logFile': (input) => s.logs.text(input.id),
    'console:connectors': () => s.channels.connectors(),
    'console:saveConnector': (input, call) => s.channels.save(input, call.now),
    'console:runConnector': (input) => s.channels.run(input.id),
    'console:connectorRuns': (input) => s.channels.runs(input),
    'console:notices': (input) => s.channels.notices(input),
    'console:retryNotice': (input, call) => s.channels.retryNotice(input.id, call.account, call.now),
    'console:audit': (input) => s.audit.list(input.limit, input.before),
    'console:staff': (input) => s.staff.list(input.storeId),
    'console:saveStaff': (input) => s.staff.save(input),
    'console:releases': () => s.releases.list(),
    'console:saveRollout': (input) => s.releases.setRollout(input),
  };
}

/**
 * A send that expected a case at one version found it at another: someone else changed it
 * first. Nothing was applied; read the case again and decide whether to resend.
 *
 * @example
 * try { await engine.send(id, event, { expectedVersion: 3 }); } catch (e) { if (e instanceof ConflictError) reload(); }
 */
export class ConflictError extends Error {
  readonly caseId: string;
  readonly expectedVersion: number;
  readonly actualVersion: number;

  constructor(caseId: string, expectedVersion: number, actualVersion: number) {
    super(`case ${caseId} is at version ${actualVersion}, not ${expectedVersion}: it changed since it was read; nothing was applied`);
    this.name = 'ConflictError';
    this.caseId = caseId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }
}

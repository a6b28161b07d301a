// Features that need work at start register their StartupTask here (imported once by server.ts and the CLI).
export {};
import '../reference/register-reference-startup.ts';

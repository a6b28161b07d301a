import { startupTasks } from '../bootstrap/prepare-database.ts';
import { importReferenceAtStartup } from './import-reference-at-startup.ts';

startupTasks.push(importReferenceAtStartup);

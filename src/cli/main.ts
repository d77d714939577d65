#!/usr/bin/env node
// Placeholder replaced by the CLI module.
export {};

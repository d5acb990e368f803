// Composition root; the CLI is wired in by the walking-skeleton work.
return 0;

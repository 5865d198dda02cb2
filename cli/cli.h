/*
 * cli.h -- the commands of the sitrep command line, one function each.
 */
#ifndef SITREP_CLI_H
#define SITREP_CLI_H

#include "sitrep.h"

#include <stdbool.h>

/* store.c: the commands over a database */
int cmd_ingest(int argc, char **argv);
int cmd_query(const char *type, int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_prune(int argc, char **argv);

/* merge.c: partial corpora (snapshots) and their merge */
int cmd_merge(int argc, char **argv);
/* OUT ("-": standard output) made the corpus's snapshot, atomically;
 * 0, or 2 with the reason on stderr. */
int write_snapshot_file(sitrep_corpus *corpus, const char *out);

#endif

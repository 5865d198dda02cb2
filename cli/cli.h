/*
 * cli.h -- the commands of the sitrep command line, one function each.
 */
#ifndef SITREP_CLI_H
#define SITREP_CLI_H

#include "sitrep.h"

/* store.c: the commands over a database */
int cmd_ingest(int argc, char **argv);
int cmd_query(const char *type, int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_export(int argc, char **argv);

#endif

/*
 * status.c -- sitrep_strerror, sitrep_version and option defaults.
 */
#include "core.h"

#include <string.h>

const char *sitrep_strerror(sitrep_status status)
{
    switch (status) {
    case SITREP_OK: return "ok";
    case SITREP_DONE: return "no more input";
    case SITREP_ENOMEM: return "out of memory";
    case SITREP_EIO: return "cannot read input";
    case SITREP_EARG: return "invalid argument";
    case SITREP_EEMPTY: return "empty input: no text";
    case SITREP_EBINARY: return "binary data, not text";
    case SITREP_EUTF8: return "invalid UTF-8";
    case SITREP_ETOOBIG: return "input too large";
    case SITREP_EJSON: return "malformed JSON record";
    case SITREP_EFORMAT: return "malformed or unrecognised input";
    case SITREP_EBUSY: return "database busy: another process is writing to it";
    case SITREP_EFULL: return "disk full: nothing more could be written";
    case SITREP_EDB: return "database error";
    }
    return "unknown status";
}

const char *sitrep_version(void)
{
    return SITREP_VERSION;
}

void sitrep_options_init(sitrep_options *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->max_input_bytes = SR_MAX_INPUT_DEFAULT;
}

/*
 * text.c -- a file read whole as one article: plain text as scraped, or a
 * web page (page.c makes its bytes UTF-8).  The read buffer becomes the
 * article's bytes, without a copy.
 */
#include "read/read.h"

#include <stdio.h>
#include <string.h>

/* 1-based line number of byte `at` in s. */
static size_t line_of(const char *s, size_t at)
{
    size_t line = 1;
    for (size_t i = 0; i < at; i++)
        if (s[i] == '\n')
            line++;
    return line;
}

sitrep_status sr_text_read(sitrep_reader *r, char *path, sr_input *in)
{
    r->item_path = path; /* freed by the reader's next call */
    while (r->len <= r->opts.max_input_bytes && sr_read_fill(r))
        ;
    if (r->nomem) {
        sr_read_close_input(r);
        return sr_read_fail(r, SITREP_ENOMEM, path, 0, NULL);
    }
    if (r->len > r->opts.max_input_bytes) {
        char detail[96];
        snprintf(detail, sizeof detail, "larger than the %zu-byte limit per article",
                 r->opts.max_input_bytes);
        sr_read_close_input(r);
        return sr_read_fail(r, SITREP_ETOOBIG, path, 0, detail);
    }
    const char *rerr = sr_read_input_error(r);
    if (rerr) {
        sitrep_status st = sr_read_fail(r, SITREP_EIO, path, 0, rerr);
        sr_read_close_input(r);
        return st;
    }
    /* The read buffer becomes the document's bytes (no copy); the next
     * input gets a new buffer. */
    char *bytes = r->buf;
    size_t len = r->len;
    r->buf = NULL;
    r->cap = 0;
    sr_read_close_input(r);
    /* Documents may be kept by later stages: hold only their own bytes. */
    char *fit = r->mem->realloc(bytes, len + 1);
    if (fit)
        bytes = fit;
    size_t where;
    sitrep_status st = sr_page_text(r->mem, &bytes, &len, &where);
    if (st != SITREP_OK) {
        char detail[96] = "";
        size_t line = 0;
        if (st == SITREP_EUTF8) {
            line = line_of(bytes, where);
            snprintf(detail, sizeof detail, "at byte %zu", where);
        }
        r->mem->free(bytes);
        return sr_read_fail(r, st, path, line, detail[0] ? detail : NULL);
    }
    /* a file name is at most 255 bytes, 3 each if not UTF-8 */
    sr_read_file_id(path, r->idbuf, sizeof r->idbuf);
    in->id = r->idbuf;
    in->bytes = bytes;
    in->len = len;
    in->checked = true;
    in->path = path;
    return SITREP_OK;
}

/*
 * jsonl.c -- JSON Lines: one article per record, read one line at a time.
 * A record is an object with a "text" (or "html") string and optional
 * "id", "url", "title", "published" (or "date") and "outlet"; a line
 * longer than the size limit is skipped without being held.
 */
#include "read/read.h"

#include <stdio.h>
#include <string.h>

/* Is buf[a, b) (blanks trimmed) one JSON object? */
static bool object_line(const char *buf, size_t a, size_t b)
{
    while (a < b && (buf[a] == ' ' || buf[a] == '\t' || buf[a] == '\r'))
        a++;
    if (a >= b || buf[a] != '{')
        return false;
    json_error_t err;
    json_t *o = json_loadb(buf + a, b - a, 0, &err);
    bool object = json_is_object(o);
    json_decref(o);
    return object;
}

bool sr_jsonl_sniff(const sitrep_reader *r, size_t i)
{
    /* Binary data is not JSON Lines (the text reader reports it once),
     * nor is an article that opens with "{Editor's note ...}".  The first
     * line must be a JSON object, or the file is told by more than its
     * first line: when one of the next few lines read is an object, a
     * first line that is not (cut short, a bad escape) is a bad record,
     * reported as such, not a reason to read the records as one text.  A
     * first line longer than what was read is taken as a record. */
    if (memchr(r->buf, 0, r->len))
        return false;
    const char *nl = memchr(r->buf + i, '\n', r->len - i);
    if (!nl)
        return true;
    if (object_line(r->buf, i, (size_t)(nl - r->buf)))
        return true;
    size_t at = (size_t)(nl - r->buf) + 1;
    for (int lines = 0; lines < 4 && at < r->len;) {
        const char *end = memchr(r->buf + at, '\n', r->len - at);
        if (!end)
            break; /* a line not read whole */
        size_t e = (size_t)(end - r->buf);
        size_t a = at;
        while (a < e && (r->buf[a] == ' ' || r->buf[a] == '\t' || r->buf[a] == '\r'))
            a++;
        if (a < e) {
            if (object_line(r->buf, a, e))
                return true;
            lines++;
        }
        at = e + 1;
    }
    return false;
}

static const char *json_str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static sitrep_status record(sitrep_reader *r, const char *line, size_t n, sr_input *in)
{
    json_error_t err;
    json_t *o = json_loadb(line, n, JSON_REJECT_DUPLICATES, &err);
    if (!o)
        return sr_read_fail(r, SITREP_EJSON, r->path, r->line, err.text);
    if (!json_is_object(o)) {
        json_decref(o);
        return sr_read_fail(r, SITREP_EJSON, r->path, r->line, "a record must be a JSON object");
    }
    /* The record's id, whole (a string id is used as it is, any length);
     * else "FILE:LINE". */
    const char *id = r->idbuf;
    json_t *jid = json_object_get(o, "id");
    if (json_is_string(jid) && json_string_length(jid) > 0)
        id = json_string_value(jid);
    else if (json_is_integer(jid))
        snprintf(r->idbuf, sizeof r->idbuf, "%lld", (long long)json_integer_value(jid));
    else {
        char base[800];
        sr_read_file_id(r->path, base, sizeof base);
        snprintf(r->idbuf, sizeof r->idbuf, "%s:%zu", base, r->line);
    }
    sitrep_doc_hints h = {json_str(o, "url"), json_str(o, "title"), json_str(o, "published"),
                          json_str(o, "outlet")};
    if (!h.published)
        h.published = json_str(o, "date");
    json_t *jt = json_object_get(o, "text");
    json_t *jh = json_object_get(o, "html");
    size_t blen = 0;
    char *owned = NULL;
    if (json_is_string(jt)) {
        blen = json_string_length(jt);
        owned = r->mem->calloc(1, blen + 1);
        if (owned)
            memcpy(owned, json_string_value(jt), blen);
    } else if (json_is_string(jh)) {
        /* a web page: read like any page (the one page extractor,
         * clean/webpage.c), spans into the field's bytes */
        blen = json_string_length(jh);
        owned = r->mem->calloc(1, blen + 1);
        if (owned)
            memcpy(owned, json_string_value(jh), blen);
    } else {
        json_decref(o);
        return sr_read_fail(r, SITREP_EJSON, r->path, r->line, "no \"text\" or \"html\" string field");
    }
    if (!owned) {
        json_decref(o);
        return sr_read_fail(r, SITREP_ENOMEM, r->path, r->line, NULL);
    }
    r->record = o; /* the id and hints point into it until the next call */
    in->id = id;
    in->bytes = owned;
    in->len = blen;
    in->hints = h;
    in->path = r->path;
    in->line = r->line;
    in->detail = "in the record's text";
    return SITREP_OK;
}

sitrep_status sr_jsonl_next(sitrep_reader *r, sr_input *in)
{
    for (;;) {
        /* find a complete line in [pos, len) */
        char *nl = r->len > r->pos ? memchr(r->buf + r->pos, '\n', r->len - r->pos) : NULL;
        if (!nl) {
            if (r->len - r->pos > r->opts.max_input_bytes) {
                /* Too long: skip to the next newline without holding it. */
                size_t line = r->line + 1;
                r->pos = r->len = 0;
                for (;;) {
                    if (!sr_read_fill(r)) {
                        if (r->nomem) {
                            r->eof = true;
                            r->line = line;
                            return sr_read_fail(r, SITREP_ENOMEM, r->path, line, NULL);
                        }
                        break;
                    }
                    nl = memchr(r->buf, '\n', r->len);
                    if (nl) {
                        r->pos = (size_t)(nl - r->buf) + 1;
                        break;
                    }
                    r->len = 0;
                }
                r->line = line;
                char detail[96];
                snprintf(detail, sizeof detail, "record longer than %zu bytes",
                         r->opts.max_input_bytes);
                return sr_read_fail(r, SITREP_ETOOBIG, r->path, line, detail);
            }
            if (sr_read_fill(r))
                continue;
            if (r->nomem) {
                r->eof = true; /* give up on this input, keep what was read */
                r->pos = r->len;
                return sr_read_fail(r, SITREP_ENOMEM, r->path, r->line + 1, NULL);
            }
            if (r->len == r->pos)
                return SITREP_DONE;
            nl = r->buf + r->len; /* last line without a newline */
        }
        size_t start = r->pos, end = (size_t)(nl - r->buf);
        r->pos = end < r->len ? end + 1 : end;
        r->line++;
        if (end - start > r->opts.max_input_bytes) {
            char detail[96];
            snprintf(detail, sizeof detail, "record longer than %zu bytes",
                     r->opts.max_input_bytes);
            return sr_read_fail(r, SITREP_ETOOBIG, r->path, r->line, detail);
        }
        const char *s = r->buf + start;
        size_t n = end - start;
        sr_trim(&s, &n);
        if (n == 0)
            continue; /* blank lines between records are fine */
        return record(r, s, n, in);
    }
}

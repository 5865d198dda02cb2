/*
 * warc.c -- WARC files (web archives, as Common Crawl ships them): each
 * HTML response record is one page; requests, metadata and other content
 * types are passed over.  A broken record is reported and reading goes on
 * at the next record's header.
 */
#include "read/read.h"

#include "core/dates.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* The value of WARC or HTTP header `name` in headers[0..n), copied into
 * out; false when absent. */
static bool header_value(const char *h, size_t n, const char *name, char *out, size_t cap)
{
    size_t nl = strlen(name);
    for (size_t i = 0; i + nl < n; i++) {
        if ((i == 0 || h[i - 1] == '\n') && strncasecmp(h + i, name, nl) == 0 && h[i + nl] == ':') {
            size_t k = i + nl + 1, m = 0;
            while (k < n && (h[k] == ' ' || h[k] == '\t'))
                k++;
            while (k < n && h[k] != '\r' && h[k] != '\n' && m + 1 < cap)
                out[m++] = h[k++];
            out[m] = '\0';
            return true;
        }
    }
    return false;
}

/* Skips to the next record's header ("\nWARC/1.") at or after buf[from],
 * reading on as needed.  The bytes passed over are dropped as the search
 * goes and never searched twice: junk of any length between records costs
 * one pass and one chunk of memory (each read used to search the whole
 * buffer again: 32 MB of junk took 30 s).  True with r->pos at the header;
 * false at the end of the input (r->pos = r->len). */
static bool skip_to_record(sitrep_reader *r, size_t from)
{
    static const char needle[] = "\nWARC/1.";
    const size_t keep = sizeof needle - 2; /* a header cut by a read: its first bytes stay */
    for (;;) {
        const char *next = from < r->len ? sr_read_find_bytes(r->buf + from, r->len - from, needle) : NULL;
        if (next) {
            r->pos = (size_t)(next - r->buf) + 1;
            return true;
        }
        /* drop what was searched, but the last bytes a header may start in */
        size_t drop = r->len > keep ? r->len - keep : 0;
        if (drop < from)
            drop = from < r->len ? from : r->len;
        r->pos = drop;
        if (!sr_read_fill(r)) {
            r->pos = r->len;
            return false;
        }
        from = 0; /* the kept bytes now open the buffer */
    }
}

/* The next HTML response record of a WARC file (each record may be its own
 * gzip member, as Common Crawl ships them).  A record whose block is not
 * followed by the next record's header (truncated, or a wrong length) is
 * reported and skipped; reading goes on at the next "WARC/1." line. */
sitrep_status sr_warc_next(sitrep_reader *r, sr_input *in)
{
    for (;;) {
        /* between records: blank lines */
        for (;;) {
            if (!sr_read_have(r, 1))
                return r->nomem ? sr_read_fail(r, SITREP_ENOMEM, r->path, r->line + 1, NULL) : SITREP_DONE;
            char c = r->buf[r->pos];
            if (c != '\r' && c != '\n')
                break;
            r->pos++;
        }
        /* compact what was read so the buffer holds one record at a time */
        if (r->pos > 0) {
            memmove(r->buf, r->buf + r->pos, r->len - r->pos);
            r->len -= r->pos;
            r->pos = 0;
        }
        size_t record = ++r->line;
        if (!sr_read_have(r, 8) || memcmp(r->buf, "WARC/", 5) != 0) {
            /* not at a record: skip to the next one */
            if (!skip_to_record(r, 1))
                return sr_read_fail(r, SITREP_EFORMAT, r->path, 0, "bytes after the last record are not a WARC record");
            r->line--;
            continue;
        }
        const char *hend;
        while (!(hend = sr_read_find_bytes(r->buf, r->len, "\r\n\r\n")) && r->len < 65536 && sr_read_fill(r))
            ;
        char detail[200];
        if (!hend) {
            r->pos = r->len;
            snprintf(detail, sizeof detail, "record %zu: its header does not end", record);
            return sr_read_fail(r, SITREP_EFORMAT, r->path, 0, detail);
        }
        size_t hlen = (size_t)(hend - r->buf) + 4;
        char type[64] = "", clen[32] = "", uri[1024] = "", rid[200] = "", date[64] = "";
        header_value(r->buf, hlen, "WARC-Type", type, sizeof type);
        header_value(r->buf, hlen, "Content-Length", clen, sizeof clen);
        header_value(r->buf, hlen, "WARC-Target-URI", uri, sizeof uri);
        header_value(r->buf, hlen, "WARC-Record-ID", rid, sizeof rid);
        header_value(r->buf, hlen, "WARC-Date", date, sizeof date);
        char *end;
        unsigned long long n = strtoull(clen, &end, 10);
        bool ok_len = clen[0] && !*end && n <= r->opts.max_input_bytes;
        /* the block, then two CRLF and the next record or the end */
        bool whole = ok_len && sr_read_have(r, hlen + (size_t)n);
        bool follows = false;
        if (whole) {
            if (!sr_read_have(r, hlen + (size_t)n + 4) && r->len >= hlen + (size_t)n)
                follows = true; /* the last record, without its closing blank lines */
            else {
                size_t at = hlen + (size_t)n;
                while (at < r->len && at < hlen + (size_t)n + 4 && (r->buf[at] == '\r' || r->buf[at] == '\n'))
                    at++;
                follows = at >= r->len || (sr_read_have(r, at + 5) && memcmp(r->buf + at, "WARC/", 5) == 0) ||
                          (at >= r->len && !sr_read_have(r, at + 1));
            }
        }
        if (!whole || !follows) {
            /* a broken record: the reading resumes at the next header */
            skip_to_record(r, 5);
            snprintf(detail, sizeof detail, "record %zu %.120s: %s", record, rid,
                     !ok_len ? "bad Content-Length" : "truncated (its block is shorter than its Content-Length)");
            return sr_read_fail(r, SITREP_EFORMAT, r->path, 0, detail);
        }
        const char *block = r->buf + hlen;
        r->pos = hlen + (size_t)n;
        if (strcmp(type, "response") != 0)
            continue; /* requests, metadata, warcinfo: not articles */
        /* the HTTP response: its headers, then the page */
        const char *body = sr_read_find_bytes(block, (size_t)n, "\r\n\r\n");
        if (!body)
            continue;
        char ctype[200] = "";
        header_value(block, (size_t)(body - block), "Content-Type", ctype, sizeof ctype);
        body += 4;
        size_t blen = (size_t)(block + n - body);
        if (blen == 0 || (ctype[0] && !strstr(ctype, "html")))
            continue;
        char *bytes = r->mem->calloc(1, blen + 1);
        if (!bytes)
            return sr_read_fail(r, SITREP_ENOMEM, r->path, 0, NULL);
        memcpy(bytes, body, blen);
        size_t where;
        sitrep_status st = sr_page_text(r->mem, &bytes, &blen, &where);
        if (st != SITREP_OK) {
            r->mem->free(bytes);
            snprintf(detail, sizeof detail, "record %zu %.120s", record, rid);
            return sr_read_fail(r, st, r->path, 0, detail);
        }
        /* its id: the record id's uuid ("<urn:uuid:...>") */
        char *id = r->idbuf;
        const char *u = strstr(rid, "uuid:");
        snprintf(id, 200, "%s", u ? u + 5 : rid[0] ? rid : "record");
        char *gt = strchr(id, '>');
        if (gt)
            *gt = '\0';
        memcpy(r->warc_uri, uri, sizeof uri);
        /* the record's date is when the page was fetched: the article's
         * date when the page states none (it was published by then) */
        r->warc_day[0] = '\0';
        sr_date d;
        size_t at, used;
        if (sr_date_find(date, strlen(date), &d, &at, &used) && at == 0 && d.day)
            sr_date_iso(&d, r->warc_day);
        snprintf(r->detail, sizeof r->detail, "record %zu %.120s", record, rid);
        in->id = id;
        in->bytes = bytes;
        in->len = blen;
        in->checked = true;
        in->hints.url = r->warc_uri[0] ? r->warc_uri : NULL;
        in->inferred = r->warc_day[0] ? r->warc_day : NULL;
        in->basis = r->warc_day[0] ? "the WARC record's date, when the page was fetched" : NULL;
        in->path = r->path;
        in->detail = r->detail;
        return SITREP_OK;
    }
}


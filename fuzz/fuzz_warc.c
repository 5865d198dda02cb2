/*
 * fuzz_warc.c -- the reader over a WARC file: the input follows a
 * well-formed response record (or, when size % 3 == 1, stands alone; when
 * size % 3 == 2, the whole is gzip-compressed as Common Crawl ships it).
 * The reader must end, name every record it skips, and give documents
 * that satisfy fz_check_doc.
 */
#include "fuzz_reader_common.h"

#include <zlib.h>

static const char good[] =
    "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/a\r\n"
    "WARC-Record-ID: <urn:uuid:0001>\r\nContent-Length: 120\r\n\r\n"
    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    "<html><body><p>A bomb went off in Kabul on Sunday, police said.</p></body></html>\r\n\r\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fz_mem_reset; /* shared helpers this target does not need */
    char path[256];
    snprintf(path, sizeof path, "%s/crawl.warc%s", fz_tmpdir(), size % 3 == 2 ? ".gz" : "");
    size_t n = (size % 3 == 1 ? 0 : sizeof good - 1) + size;
    uint8_t *buf = malloc(n + 1);
    if (!buf)
        return 0;
    size_t at = 0;
    if (size % 3 != 1) {
        memcpy(buf, good, sizeof good - 1);
        at = sizeof good - 1;
    }
    memcpy(buf + at, data, size);
    size_t lines = fz_count_lines(buf, n); /* a message's line (or record) number is at most this */
    if (size % 3 == 2) {
        gzFile gz = gzopen(path, "wb");
        FZ_ASSERT(gz != NULL);
        FZ_ASSERT(n == 0 || gzwrite(gz, buf, (unsigned)n) == (int)n);
        FZ_ASSERT(gzclose(gz) == Z_OK);
    } else {
        fz_write_file(path, buf, n);
    }
    free(buf);
    sitrep_options opts;
    sitrep_options_init(&opts);
    opts.max_input_bytes = 1 << 20;
    sitrep_reader *r;
    FZ_ASSERT(sitrep_reader_new(&opts, &r) == SITREP_OK);
    FZ_ASSERT(sitrep_reader_add(r, path) == SITREP_OK);
    const char *paths[] = {path};
    fz_drive(r, paths, 1, 10000, opts.max_input_bytes, lines + 1, NULL);
    sitrep_reader_free(r);
    return 0;
}

/*
 * fuzz_reader.c -- the reader over a generic file whose kind is sniffed.
 *
 * The input becomes one file in a private temporary directory, written in
 * one of eight ways chosen by the input length (size % 8):
 *   0  as is                                  article.txt
 *   1  gzip-compressed                        article.txt.gz
 *   2  the gzip magic 1f 8b, then the bytes   article.gz   (corrupt gzip)
 *   3  as is, limit 128, read via a directory that also holds a hidden
 *      binary file (which must never be read)  tree/article.txt
 *   4  gzip-compressed, limit 128             article.txt.gz
 *   5  gzip-compressed, cut in half           article.txt.gz (truncated)
 *   6  as is, with one allocation failing (counting allocator)
 *   7  gzip-compressed with stored blocks (level 0)
 * The reader must end, count and name every skip, and keep documents
 * within the limit.  When the file is read as one plain-text article (not
 * JSON Lines, not markup or WARC, which the reader reads as such), the
 * result must match sitrep_doc_from_memory on the same (decompressed)
 * bytes.
 */
#include "fuzz_reader_common.h"

#include <zlib.h>

/* Only blanks and byte order marks (what the reader's sniffing skips). */
static bool blank_only(const uint8_t *d, size_t n)
{
    for (size_t i = 0; i < n;) {
        if (d[i] == ' ' || d[i] == '\n' || d[i] == '\r' || d[i] == '\t')
            i++;
        else if (i + 3 <= n && memcmp(d + i, "\xEF\xBB\xBF", 3) == 0)
            i += 3;
        else
            return false;
    }
    return true;
}

/* Does the input open (after blanks and byte order marks, any number of
 * each in any order, as the reader's sniffing skips them) with '<' or
 * "WARC/": a web page, a feed or a WARC file, which the reader reads as
 * such (converting a page's charset, splitting records), not as one
 * plain-text article? */
static bool starts_with_markup(const uint8_t *d, size_t n)
{
    size_t i = fz_first_byte(d, n);
    return (i < n && d[i] == '<') || (i + 5 <= n && memcmp(d + i, "WARC/", 5) == 0);
}

/* gzip-compresses data into a new buffer. */
static uint8_t *gzip(const uint8_t *data, size_t size, int level, size_t *out_len)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    FZ_ASSERT(deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    size_t cap = deflateBound(&z, size) + 64;
    uint8_t *out = malloc(cap);
    FZ_ASSERT(out != NULL);
    z.next_in = (Bytef *)data;
    z.avail_in = (uInt)size;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    FZ_ASSERT(deflate(&z, Z_FINISH) == Z_STREAM_END);
    *out_len = z.total_out;
    deflateEnd(&z);
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *dir = fz_tmpdir();
    int mode = (int)(size % 8);
    char path[160], top[160], tree[160], hidden[160], missing[160];
    snprintf(tree, sizeof tree, "%s/tree", dir);
    snprintf(hidden, sizeof hidden, "%s/tree/.hidden.txt", dir);
    snprintf(missing, sizeof missing, "%s/no-such-file.txt", dir);
    static bool tree_made;
    if (!tree_made) {
        FZ_ASSERT(mkdir(tree, 0700) == 0);
        fz_write_file(hidden, "\0\0\0binary", 9);
        tree_made = true;
    }

    const char *names[] = {"article.txt",    "article.txt.gz", "article.gz",
                           "tree/article.txt", "article.txt.gz", "article.txt.gz",
                           "article.txt",    "article.txt.gz"};
    snprintf(path, sizeof path, "%s/%s", dir, names[mode]);
    snprintf(top, sizeof top, "%s", mode == 3 ? tree : path);

    size_t flen = size;
    uint8_t *file = NULL;
    if (mode == 1 || mode == 4 || mode == 5 || mode == 7) {
        file = gzip(data, size, mode == 7 ? 0 : 6, &flen);
        if (mode == 5)
            flen /= 2;
    } else if (mode == 2) {
        file = malloc(size + 2);
        FZ_ASSERT(file != NULL);
        file[0] = 0x1f, file[1] = 0x8b;
        if (size)
            memcpy(file + 2, data, size);
        flen = size + 2;
    }
    fz_write_file(path, file ? file : data, flen);
    free(file);

    sitrep_options opts;
    sitrep_options_init(&opts);
    if (mode == 3 || mode == 4)
        opts.max_input_bytes = 128;
    opts.mem = &fz_mem;
    fz_mem_reset(mode == 6 ? (long)(fz_hash(data, size) % 64) : -1);

    sitrep_reader *r = NULL;
    sitrep_status st = sitrep_reader_new(&opts, &r);
    if (st == SITREP_ENOMEM) {
        FZ_ASSERT(fz_live == 0);
        goto out;
    }
    FZ_ASSERT(st == SITREP_OK);
    st = sitrep_reader_add(r, top);
    if (st == SITREP_ENOMEM) {
        sitrep_reader_free(r);
        FZ_ASSERT(fz_live == 0);
        goto out;
    }
    FZ_ASSERT(st == SITREP_OK);
    st = sitrep_reader_add(r, missing);
    if (st == SITREP_ENOMEM) {
        sitrep_reader_free(r);
        FZ_ASSERT(fz_live == 0);
        goto out;
    }
    FZ_ASSERT(st == SITREP_OK);

    size_t lines = fz_count_lines(data, size);
    const char *paths[] = {path, top, missing};
    sitrep_doc *a = NULL; /* the first document, kept to compare */
    fz_result res = fz_drive(r, paths, 3, fz_max_results(data, size), opts.max_input_bytes, lines + 1, &a);
    FZ_ASSERT(res.errors >= 1); /* the missing file */

    /* a plain-text article: one result, as from memory */
    bool text = !starts_with_brace(data, size) && !starts_with_markup(data, size);
    bool raw = mode == 0 || mode == 3 || mode == 6;
    if (raw && size >= 2 && data[0] == 0x1f && data[1] == 0x8b)
        text = false; /* zlib decodes it: not the same bytes */
    /* UTF-16 or UTF-32, raw or inside gzip: the reader converts it to UTF-8 */
    if (size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF) ||
                      (size >= 4 && data[0] == 0 && data[1] == 0 && data[2] == 0xFE && data[3] == 0xFF)))
        text = false;
    if (text && mode != 2 && mode != 5) {
        FZ_ASSERT(res.docs + res.errors == 2);
        sitrep_options mopts = opts;
        mopts.mem = NULL;
        sitrep_doc *b = NULL;
        sitrep_status mst = sitrep_doc_from_memory("article", (const char *)data, size, NULL,
                                                   &mopts, &b);
        /* The reader calls an input of blanks (and BOMs) empty. */
        bool blank = mst == SITREP_OK && res.first == SITREP_EEMPTY && blank_only(data, size);
        if (mode == 6 && (res.first == SITREP_ENOMEM ||
                          (fz_skip_known() && res.first == SITREP_EEMPTY))) {
            /* an allocation failed: fine, as long as it says so (known:
             * a failed read-buffer allocation is reported as EEMPTY) */
        } else if (!blank) {
            if (res.first != mst)
                fprintf(stderr, "reader: %s, from memory: %s\n", sitrep_strerror(res.first),
                        sitrep_strerror(mst));
            FZ_ASSERT(res.first == mst);
        }
        if (res.first == SITREP_OK && mst == SITREP_OK) {
            /* the whole input, never a silently cut one */
            FZ_ASSERT(res.first_len == size);
        }
        if (mode != 6 && res.first == SITREP_OK && mst == SITREP_OK) {
            /* the reader's document against the one from memory */
            FZ_ASSERT(a != NULL);
            FZ_ASSERT(strcmp(sitrep_doc_id(a), "article") == 0);
            size_t la, lb, na, nb;
            const char *sa = sitrep_doc_source(a, &la), *sb = sitrep_doc_source(b, &lb);
            FZ_ASSERT(la == lb && memcmp(sa, sb, la) == 0);
            sitrep_doc_tokens(a, &na);
            sitrep_doc_tokens(b, &nb);
            FZ_ASSERT(na == nb);
            FZ_ASSERT(sitrep_doc_dropped_count(a) == sitrep_doc_dropped_count(b));
        }
        sitrep_doc_free(b);
    }
    sitrep_doc_free(a);
    sitrep_reader_free(r);
    FZ_ASSERT(fz_live == 0);
out:
    fz_mem_reset(-1);
    return 0;
}

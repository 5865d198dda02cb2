/*
 * test_reader.c -- the reader (sitrep_reader_*) through the public API.
 *
 * Writes its inputs into a fresh directory under /tmp (mkdtemp), reads
 * them back and checks documents, statuses, messages and skip counts:
 * plain text, nested directories, JSON Lines (good, truncated, missing
 * text, over-long lines), empty / binary / invalid UTF-8 files, gzip,
 * the size limit and missing paths.
 *
 * usage: test_reader TESTS_SRC_DIR SHARED_DIR   (neither is needed)
 */
#define _XOPEN_SOURCE 700 /* nftw */
#include "sitrep.h"

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "test.h"

static char root[64];

/* ---- writing inputs ---- */

static char *path_of(const char *rel)
{
    static char buf[8][1024];
    static int k;
    char *p = buf[k++ % 8];
    snprintf(p, 1024, "%s/%s", root, rel);
    return p;
}

static void mkdirs(const char *rel)
{
    char tmp[512];
    snprintf(tmp, sizeof tmp, "%s", rel);
    for (char *s = tmp; *s; s++)
        if (*s == '/') {
            *s = '\0';
            mkdir(path_of(tmp), 0700);
            *s = '/';
        }
    mkdir(path_of(tmp), 0700);
}

static void write_bytes(const char *rel, const void *data, size_t len)
{
    FILE *f = fopen(path_of(rel), "wb");
    if (!f) {
        fprintf(stderr, "cannot write %s: %s\n", path_of(rel), strerror(errno));
        exit(2);
    }
    if (len && fwrite(data, 1, len, f) != len) {
        fprintf(stderr, "cannot write %s\n", path_of(rel));
        exit(2);
    }
    fclose(f);
}

static void write_str(const char *rel, const char *s)
{
    write_bytes(rel, s, strlen(s));
}

static int rm_cb(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(path);
}

/* ---- reading everything back ---- */

#define MAX_RESULTS 32

typedef struct result {
    sitrep_status st;
    char id[512];
    char msg[1024];
    char title[128];
    char published[16];
    size_t len;        /* source length of a document */
    char head[64];     /* its first bytes */
} result;

typedef struct run {
    result r[MAX_RESULTS];
    size_t n, docs, errors, skipped;
    int done_sticky;
} run;

static void copy(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src ? src : "");
}

/* Reads inputs until SITREP_DONE (at most MAX_RESULTS results). */
static void read_all(const sitrep_options *opts, const char *const *paths, run *out)
{
    memset(out, 0, sizeof *out);
    sitrep_reader *rd = NULL;
    if (sitrep_reader_new(opts, &rd) != SITREP_OK) {
        fprintf(stderr, "sitrep_reader_new failed\n");
        exit(2);
    }
    for (size_t i = 0; paths[i]; i++)
        if (sitrep_reader_add(rd, paths[i]) != SITREP_OK) {
            fprintf(stderr, "sitrep_reader_add failed\n");
            exit(2);
        }
    for (;;) {
        sitrep_doc *doc = NULL;
        sitrep_status st = sitrep_reader_next(rd, &doc);
        if (st == SITREP_DONE)
            break;
        if (out->n == MAX_RESULTS) {
            fprintf(stderr, "reader does not stop\n");
            sitrep_doc_free(doc);
            test_failed++;
            break;
        }
        result *r = &out->r[out->n++];
        r->st = st;
        if (st == SITREP_OK) {
            out->docs++;
            copy(r->id, sizeof r->id, sitrep_doc_id(doc));
            copy(r->title, sizeof r->title, sitrep_doc_title(doc));
            copy(r->published, sizeof r->published, sitrep_doc_published(doc));
            const char *src = sitrep_doc_source(doc, &r->len);
            size_t n = r->len < sizeof r->head - 1 ? r->len : sizeof r->head - 1;
            memcpy(r->head, src, n);
            r->head[n] = '\0';
            sitrep_doc_free(doc);
        } else {
            out->errors++;
            if (doc != NULL) {
                fprintf(stderr, "a skipped input left a document\n");
                test_failed++;
            }
            copy(r->msg, sizeof r->msg, sitrep_reader_message(rd));
        }
    }
    out->skipped = sitrep_reader_skipped(rd);
    sitrep_doc *doc = NULL;
    out->done_sticky = sitrep_reader_next(rd, &doc) == SITREP_DONE && doc == NULL;
    sitrep_doc_free(doc);
    sitrep_reader_free(rd);
}

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* ---- inputs ---- */

static const char ARTICLE[] =
    "Menu\n"
    "Share\n"
    "\n"
    "Floods cut roads across northern province\n"
    "\n"
    "By Jane Example\n"
    "\n"
    "Heavy rain cut three main roads in the northern province on Tuesday, officials said.\n"
    "\n"
    "About 1,200 people were moved to schools on higher ground, the governor said.\n";

static const char SHORT[] = "Talks resumed in the capital on Monday, the ministry said.\n";

/* ---- tests ---- */

static void test_plain_text(void)
{
    mkdirs("plain");
    write_str("plain/flood-report.txt", ARTICLE);
    write_str("plain/no_extension", SHORT);
    write_str("plain/two.dots.v2.txt", SHORT);
    const char *paths[] = {path_of("plain/flood-report.txt"), path_of("plain/no_extension"),
                           path_of("plain/two.dots.v2.txt"), NULL};
    run R;
    read_all(NULL, paths, &R);
    CHECK(R.n == 3 && R.docs == 3 && R.errors == 0 && R.skipped == 0);
    CHECK_STR(R.r[0].id, "flood-report");
    CHECK(R.r[0].len == strlen(ARTICLE));
    CHECK(starts_with(R.r[0].head, "Menu\nShare"));
    CHECK_STR(R.r[0].title, "Floods cut roads across northern province");
    CHECK_STR(R.r[1].id, "no_extension");
    CHECK_STR(R.r[2].id, "two.dots.v2");
    CHECK(R.done_sticky);
}

static void test_directory(void)
{
    mkdirs("tree/a");
    mkdirs("tree/c/d");
    mkdirs("tree/.hidden-dir");
    write_str("tree/b.txt", "Item b is read third.\n");
    write_str("tree/a/z.txt", "Item z is read second.\n");
    write_str("tree/a/c.txt", "Item c is read first.\n");
    write_str("tree/c/d/e.txt", "Item e is read fourth.\n");
    write_str("tree/B-upper.txt", "Upper case sorts before lower case.\n");
    write_bytes("tree/.hidden.txt", "\0\0binary", 8);   /* would be EBINARY */
    write_str("tree/.hidden-dir/x.txt", "Never read.\n");
    write_str("tree/a/.swp", "");                       /* would be EEMPTY */
    const char *paths[] = {path_of("tree"), NULL};
    run R;
    read_all(NULL, paths, &R);
    CHECK(R.docs == 5);
    CHECK(R.errors == 0 && R.skipped == 0);
    if (R.n == 5) {
        CHECK_STR(R.r[0].id, "B-upper");
        CHECK_STR(R.r[1].id, "c");
        CHECK_STR(R.r[2].id, "z");
        CHECK_STR(R.r[3].id, "b");
        CHECK_STR(R.r[4].id, "e");
    }
    /* a trailing slash gives the same walk */
    char slash[1200];
    snprintf(slash, sizeof slash, "%s/", path_of("tree"));
    const char *paths2[] = {slash, NULL};
    read_all(NULL, paths2, &R);
    CHECK(R.docs == 5 && R.errors == 0);
}

static void test_jsonl_good(void)
{
    write_str("good.jsonl",
              "{\"id\": \"rec-1\", \"title\": \"Floods cut roads\", \"published\": \"2021-03-03\","
              " \"text\": \"Heavy rain cut three roads on Tuesday, officials said.\"}\n"
              "{\"id\": \"rec-2\", \"title\": \"Convoy attacked\", \"published\": \"March 4, 2021\","
              " \"text\": \"Four soldiers were killed when a bomb hit their convoy.\"}\n"
              "\n"
              "{\"id\": 3, \"text\": \"Talks resumed on Monday.\\nBoth sides said \\\"progress\\\".\"}\n");
    const char *paths[] = {path_of("good.jsonl"), NULL};
    run R;
    read_all(NULL, paths, &R);
    CHECK(R.n == 3 && R.docs == 3 && R.errors == 0 && R.skipped == 0);
    CHECK_STR(R.r[0].id, "rec-1");
    CHECK_STR(R.r[0].title, "Floods cut roads");
    CHECK_STR(R.r[0].published, "2021-03-03");
    CHECK(starts_with(R.r[0].head, "Heavy rain"));
    CHECK_STR(R.r[1].id, "rec-2");
    CHECK_STR(R.r[1].title, "Convoy attacked");
    CHECK_STR(R.r[1].published, "2021-03-04");
    CHECK_STR(R.r[2].id, "3");
    /* the source is the decoded text field */
    CHECK_STR(R.r[2].head, "Talks resumed on Monday.\nBoth sides said \"progress\".");
    CHECK(R.done_sticky);
}

/* sitrep_options.want passes inputs by before analysis: the reader goes
 * on to the next one, nothing is reported or skipped. */
static size_t asked;
static bool not_rec2_nor_b(const char *id, const char *bytes, size_t len, void *ctx)
{
    (void)bytes;
    (void)len;
    CHECK(ctx == &asked);
    asked++;
    return strcmp(id, "rec-2") != 0 && strcmp(id, "b") != 0;
}

static void test_want(void)
{
    sitrep_options o;
    sitrep_options_init(&o);
    o.want = not_rec2_nor_b;
    o.want_ctx = &asked;
    write_str("want.jsonl", "{\"id\": \"rec-1\", \"text\": \"Heavy rain cut three roads on Tuesday.\"}\n"
                            "{\"id\": \"rec-2\", \"text\": \"Four soldiers were killed.\"}\n"
                            "{\"id\": \"rec-3\", \"text\": \"Talks resumed on Monday.\"}\n");
    write_str("a.txt", "A bomb exploded in Kabul on Sunday.\n");
    write_str("b.txt", "Gunmen attacked a post near Gao.\n");
    const char *paths[] = {path_of("want.jsonl"), path_of("a.txt"), path_of("b.txt"), NULL};
    run R;
    asked = 0;
    read_all(&o, paths, &R);
    CHECK(asked == 5);
    CHECK(R.n == 3 && R.docs == 3 && R.errors == 0 && R.skipped == 0);
    CHECK(R.n == 3 && strcmp(R.r[0].id, "rec-1") == 0 && strcmp(R.r[1].id, "rec-3") == 0 &&
          strcmp(R.r[2].id, "a") == 0);
    /* one document in memory: not analysed, SITREP_DONE, no document */
    sitrep_doc *doc = (sitrep_doc *)1;
    CHECK(sitrep_doc_from_memory("b", "Gunmen attacked a post near Gao.", 32, NULL, &o, &doc) == SITREP_DONE);
    CHECK(doc == NULL);
}

static void test_jsonl_truncated(void)
{
    write_str("x.jsonl",
              "{\"id\": \"t1\", \"text\": \"The first record is fine.\"}\n"
              "{\"id\": \"t2\", \"text\": \"The second record was cut\n"
              "{\"id\": \"t3\", \"text\": \"The third record is fine.\"}\n");
    const char *paths[] = {path_of("x.jsonl"), NULL};
    run R;
    read_all(NULL, paths, &R);
    CHECK(R.n == 3 && R.docs == 2 && R.errors == 1 && R.skipped == 1);
    CHECK_STR(R.r[0].id, "t1");
    CHECK(R.r[1].st == SITREP_EJSON);
    char want[1200];
    snprintf(want, sizeof want, "%s:2: ", path_of("x.jsonl"));
    CHECK(starts_with(R.r[1].msg, want));
    CHECK(strstr(R.r[1].msg, "x.jsonl:2:") != NULL);
    CHECK_STR(R.r[2].id, "t3");
}

static void test_jsonl_no_text(void)
{
    write_str("notext.jsonl",
              "{\"id\": \"n1\", \"text\": \"A record with a text.\"}\n"
              "{\"id\": \"n2\", \"title\": \"A record without one\"}\n"
              "{\"id\": \"n3\", \"text\": 42}\n"
              "{\"id\": \"n4\", \"text\": \"Another record with a text.\"}\n");
    const char *paths[] = {path_of("notext.jsonl"), NULL};
    run R;
    read_all(NULL, paths, &R);
    CHECK(R.n == 4 && R.docs == 2 && R.errors == 2 && R.skipped == 2);
    CHECK(R.r[1].st == SITREP_EJSON);
    CHECK(strstr(R.r[1].msg, "notext.jsonl:2: ") != NULL);
    CHECK(R.r[2].st == SITREP_EJSON);
    CHECK(strstr(R.r[2].msg, "notext.jsonl:3: ") != NULL);
    CHECK_STR(R.r[3].id, "n4");
}

static void test_empty_binary_utf8(void)
{
    write_str("empty.txt", "");
    write_str("blank.txt", "  \n\t\n\n");
    static const char bin[] = "PK\x03\x04\0\0\0\0binary\0data\x01\x02";
    write_bytes("blob.bin", bin, sizeof bin);
    /* binary that starts with bytes >= 0x80 (a JPEG header) is binary too */
    static const char jpg[] = "\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01";
    write_bytes("photo.jpg", jpg, sizeof jpg);
    write_str("badutf8.txt", "The first line is fine.\nThe second is not: \xff\xfe here.\n");
    write_str("after.txt", SHORT);
    const char *paths[] = {path_of("empty.txt"), path_of("blank.txt"), path_of("blob.bin"),
                           path_of("badutf8.txt"), path_of("after.txt"), path_of("photo.jpg"),
                           NULL};
    run R;
    read_all(NULL, paths, &R);
    CHECK(R.n == 6 && R.docs == 1 && R.errors == 5 && R.skipped == 5);
    char want[1200];
    CHECK(R.r[0].st == SITREP_EEMPTY);
    snprintf(want, sizeof want, "%s: ", path_of("empty.txt"));
    CHECK(starts_with(R.r[0].msg, want));
    CHECK(R.r[1].st == SITREP_EEMPTY);
    CHECK(strstr(R.r[1].msg, "blank.txt") != NULL);
    CHECK(R.r[2].st == SITREP_EBINARY);
    snprintf(want, sizeof want, "%s: ", path_of("blob.bin"));
    CHECK(starts_with(R.r[2].msg, want));
    CHECK(R.r[3].st == SITREP_EUTF8);
    snprintf(want, sizeof want, "%s:2: ", path_of("badutf8.txt"));
    CHECK(starts_with(R.r[3].msg, want));
    CHECK_STR(R.r[4].id, "after");
    CHECK(R.r[5].st == SITREP_EBINARY);
    CHECK(strstr(R.r[5].msg, "photo.jpg: ") != NULL);
}

static void test_gzip(void)
{
    gzFile gz = gzopen(path_of("zipped-article.txt.gz"), "wb");
    CHECK(gz != NULL);
    if (!gz)
        return;
    CHECK(gzwrite(gz, ARTICLE, (unsigned)strlen(ARTICLE)) == (int)strlen(ARTICLE));
    gzclose(gz);
    /* a compressed JSON Lines file too */
    gz = gzopen(path_of("zipped.jsonl.gz"), "wb");
    static const char rec[] = "{\"id\": \"gz1\", \"text\": \"Compressed record.\"}\n";
    gzwrite(gz, rec, sizeof rec - 1);
    gzclose(gz);
    /* a broken one: the gzip magic and little else */
    write_bytes("broken.txt.gz", "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xf3\x48", 12);
    const char *paths[] = {path_of("zipped-article.txt.gz"), path_of("zipped.jsonl.gz"),
                           path_of("broken.txt.gz"), NULL};
    run R;
    read_all(NULL, paths, &R);
    CHECK(R.n == 3 && R.docs == 2 && R.errors == 1);
    CHECK_STR(R.r[0].id, "zipped-article");
    CHECK(R.r[0].len == strlen(ARTICLE));
    CHECK(starts_with(R.r[0].head, "Menu\nShare"));
    CHECK_STR(R.r[0].title, "Floods cut roads across northern province");
    CHECK_STR(R.r[1].id, "gz1");
    CHECK(R.r[2].st != SITREP_OK && strstr(R.r[2].msg, "broken.txt.gz") != NULL);
}

static void test_size_limit(void)
{
    sitrep_options opts;
    sitrep_options_init(&opts);
    opts.max_input_bytes = 4096;

    /* a 5000-byte article, then a small one */
    char big[5001];
    for (size_t i = 0; i < 5000; i++)
        big[i] = (i % 50 == 49) ? '\n' : "Words of text "[i % 14];
    big[5000] = '\0';
    write_str("big.txt", big);
    /* exactly at the limit is accepted */
    big[4096] = '\0';
    write_str("atlimit.txt", big);
    write_str("small.txt", SHORT);
    /* far larger than one read chunk */
    size_t hn = 300000;
    char *huge = malloc(hn + 1);
    memset(huge, 'a', hn);
    huge[hn] = '\0';
    write_str("huge.txt", huge);
    const char *paths[] = {path_of("big.txt"), path_of("atlimit.txt"), path_of("huge.txt"),
                           path_of("small.txt"), NULL};
    run R;
    read_all(&opts, paths, &R);
    CHECK(R.n == 4 && R.docs == 2 && R.errors == 2 && R.skipped == 2);
    CHECK(R.r[0].st == SITREP_ETOOBIG);
    char want[1200];
    snprintf(want, sizeof want, "%s: ", path_of("big.txt"));
    CHECK(starts_with(R.r[0].msg, want));
    CHECK(R.r[1].st == SITREP_OK && R.r[1].len == 4096);
    CHECK(R.r[2].st == SITREP_ETOOBIG && strstr(R.r[2].msg, "huge.txt") != NULL);
    CHECK_STR(R.r[3].id, "small");

    /* Blanks past the limit: too large, not empty, whether an article
     * follows them (beyond what the sniffing reads) or nothing does;
     * blanks within the limit are an empty input. */
    memset(huge, ' ', hn);
    memcpy(huge + hn - 6, "Words\n", 6);
    write_str("padded.txt", huge);
    memset(huge, '\n', 5000);
    huge[5000] = '\0';
    write_str("blanks.txt", huge);
    huge[100] = '\0';
    write_str("fewblanks.txt", huge);
    const char *blank_paths[] = {path_of("padded.txt"), path_of("blanks.txt"), path_of("fewblanks.txt"), NULL};
    read_all(&opts, blank_paths, &R);
    CHECK(R.n == 3 && R.docs == 0 && R.errors == 3);
    CHECK(R.r[0].st == SITREP_ETOOBIG && strstr(R.r[0].msg, "padded.txt") != NULL);
    CHECK(R.r[1].st == SITREP_ETOOBIG && strstr(R.r[1].msg, "blanks.txt") != NULL);
    CHECK(R.r[2].st == SITREP_EEMPTY);

    /* JSON Lines: a line over the limit is skipped, the next one read */
    size_t ln = 200000;
    char *jl = malloc(ln + 1024);
    size_t k = 0;
    k += (size_t)sprintf(jl + k, "{\"id\": \"j1\", \"text\": \"Before the long line.\"}\n");
    k += (size_t)sprintf(jl + k, "{\"id\": \"long\", \"text\": \"");
    memset(jl + k, 'x', ln);
    k += ln;
    k += (size_t)sprintf(jl + k, "\"}\n");
    k += (size_t)sprintf(jl + k, "{\"id\": \"j3\", \"text\": \"After the long line.\"}\n");
    k += (size_t)sprintf(jl + k, "{\"id\": \"j4\"}\n");
    write_bytes("long.jsonl", jl, k);
    /* a line just over the limit inside one read chunk, with a long text */
    k = 0;
    k += (size_t)sprintf(jl + k, "{\"id\": \"s1\", \"text\": \"");
    memset(jl + k, 'y', 4200);
    k += 4200;
    k += (size_t)sprintf(jl + k, "\"}\n{\"id\": \"s2\", \"text\": \"Read after it.\"}\n");
    write_bytes("long2.jsonl", jl, k);
    /* a line over the limit whose text is short: the line is what counts */
    k = 0;
    k += (size_t)sprintf(jl + k, "{\"id\": \"p1\", \"pad\": \"");
    memset(jl + k, 'z', 5000);
    k += 5000;
    k += (size_t)sprintf(jl + k, "\", \"text\": \"Short text.\"}\n{\"id\": \"p2\", \"text\": \"Next.\"}\n");
    write_bytes("long3.jsonl", jl, k);
    /* the over-long line is the last one, without a newline */
    k = 0;
    k += (size_t)sprintf(jl + k, "{\"id\": \"q1\", \"text\": \"First.\"}\n{\"id\": \"q2\", \"text\": \"");
    memset(jl + k, 'w', 100000);
    k += 100000;
    write_bytes("long4.jsonl", jl, k);
    free(jl);
    free(huge);

    const char *paths2[] = {path_of("long.jsonl"), path_of("long2.jsonl"), NULL};
    read_all(&opts, paths2, &R);
    CHECK(R.n == 6 && R.docs == 3 && R.errors == 3 && R.skipped == 3);
    CHECK_STR(R.r[0].id, "j1");
    CHECK(R.r[1].st == SITREP_ETOOBIG);
    CHECK(strstr(R.r[1].msg, "long.jsonl:2: ") != NULL);
    CHECK_STR(R.r[2].id, "j3");
    CHECK(R.r[3].st == SITREP_EJSON);
    CHECK(strstr(R.r[3].msg, "long.jsonl:4: ") != NULL); /* line count survives the skip */
    CHECK(R.r[4].st == SITREP_ETOOBIG);
    CHECK(strstr(R.r[4].msg, "long2.jsonl:1: ") != NULL);
    CHECK_STR(R.r[5].id, "s2");

    const char *paths3[] = {path_of("long3.jsonl"), NULL};
    read_all(&opts, paths3, &R);
    CHECK(R.n == 2 && R.docs == 1 && R.errors == 1);
    CHECK(R.r[0].st == SITREP_ETOOBIG);
    CHECK(strstr(R.r[0].msg, "long3.jsonl:1: ") != NULL);
    CHECK_STR(R.r[R.n ? R.n - 1 : 0].id, "p2");

    const char *paths4[] = {path_of("long4.jsonl"), path_of("small.txt"), NULL};
    read_all(&opts, paths4, &R);
    CHECK(R.n == 3 && R.docs == 2 && R.errors == 1);
    CHECK_STR(R.r[0].id, "q1");
    CHECK(R.r[1].st == SITREP_ETOOBIG && strstr(R.r[1].msg, "long4.jsonl:2: ") != NULL);
    CHECK_STR(R.r[2].id, "small");
}

static void test_missing(void)
{
    write_str("small.txt", SHORT);
    const char *paths[] = {path_of("does-not-exist.txt"), path_of("small.txt"),
                           path_of("no-dir/x.jsonl"), NULL};
    run R;
    read_all(NULL, paths, &R);
    CHECK(R.n == 3 && R.docs == 1 && R.errors == 2 && R.skipped == 2);
    CHECK(R.r[0].st == SITREP_EIO);
    char want[1200];
    snprintf(want, sizeof want, "%s: ", path_of("does-not-exist.txt"));
    CHECK(starts_with(R.r[0].msg, want));
    CHECK_STR(R.r[1].id, "small");
    CHECK(R.r[2].st == SITREP_EIO && strstr(R.r[2].msg, "no-dir/x.jsonl: ") != NULL);
}

/* A symbolic link back up the tree must not make the walk read files again
 * (or, with two such links, forever). */
static void test_symlink_cycle(void)
{
    mkdirs("cycle/sub");
    write_str("cycle/sub/only.txt", SHORT);
    if (symlink("..", path_of("cycle/sub/up")) != 0 || symlink(".", path_of("cycle/self")) != 0) {
        fprintf(stderr, "cannot make symlinks: %s (skipped)\n", strerror(errno));
        return;
    }
    const char *paths[] = {path_of("cycle"), NULL};
    run R;
    read_all(NULL, paths, &R);
    CHECK(R.docs == 1);
    CHECK(R.n <= 3); /* the links may be reported, once each */
    for (size_t i = 0; i < R.n; i++)
        if (R.r[i].st == SITREP_OK)
            CHECK_STR(R.r[i].id, "only");
}

/* Ids are kept whole: not cut at a fixed size, never in the middle of a
 * UTF-8 sequence (an invalid id used to vanish from the JSON output). */
static void test_long_ids(void)
{
    char *jl = malloc(4096), *want = malloc(1024);
    size_t k = 0, w = 0;
    k += (size_t)sprintf(jl + k, "{\"id\": \"");
    for (int i = 0; i < 200; i++) {
        memcpy(jl + k, "\xc3\xa9", 2);
        memcpy(want + w, "\xc3\xa9", 2);
        k += 2, w += 2;
    }
    want[w] = '\0';
    k += (size_t)sprintf(jl + k, "\", \"text\": \"Talks resumed on Monday.\"}\n");
    write_bytes("longid.jsonl", jl, k);
    const char *paths[] = {path_of("longid.jsonl"), NULL};
    run R;
    read_all(NULL, paths, &R);
    CHECK(R.n == 1 && R.docs == 1);
    CHECK(strlen(R.r[0].id) == 400 && strcmp(R.r[0].id, want) == 0);
    free(jl);
    free(want);
}

/* A file name that is not UTF-8 (Latin-1 "caf\xe9.txt") still gives a
 * UTF-8 id, so the JSON record keeps its "id" field. */
static int to_buf(const char *data, size_t len, void *ctx)
{
    char *buf = ctx;
    size_t have = strlen(buf);
    if (have + len >= 8192)
        return 1;
    memcpy(buf + have, data, len);
    buf[have + len] = '\0';
    return 0;
}

static void test_odd_file_name(void)
{
    mkdirs("odd");
    write_str("odd/caf\xe9.txt", SHORT);
    sitrep_reader *rd = NULL;
    CHECK(sitrep_reader_new(NULL, &rd) == SITREP_OK);
    CHECK(sitrep_reader_add(rd, path_of("odd")) == SITREP_OK);
    sitrep_doc *doc = NULL;
    CHECK(sitrep_reader_next(rd, &doc) == SITREP_OK);
    if (doc) {
        char *json = calloc(1, 8192);
        CHECK(sitrep_doc_write_json(doc, 0, to_buf, json) == SITREP_OK);
        static const char want[] = "{\"type\":\"document\",\"id\":\"caf";
        CHECK(strncmp(json, want, sizeof want - 1) == 0);
        free(json);
        sitrep_doc_free(doc);
    }
    sitrep_reader_free(rd);
}

/* Page metadata longer than its field (a <title>, og:title or author of
 * hundreds of two-byte letters) is cut between code points, never inside
 * one: the title stays UTF-8 and the document still writes as JSON. */
static bool utf8_ok(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int k = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 0;
        if (k == 0)
            return false;
        for (int i = 1; i < k; i++)
            if ((p[i] & 0xC0) != 0x80)
                return false;
        p += k;
    }
    return true;
}

/* Writes a page to NAME and reads its first document through a new
 * reader (*rd, freed by the caller); NULL when none came. */
static sitrep_doc *read_page(const char *name, const char *page, size_t n, sitrep_reader **rd)
{
    write_bytes(name, page, n);
    *rd = NULL;
    CHECK(sitrep_reader_new(NULL, rd) == SITREP_OK);
    CHECK(sitrep_reader_add(*rd, path_of(name)) == SITREP_OK);
    sitrep_doc *doc = NULL;
    CHECK(sitrep_reader_next(*rd, &doc) == SITREP_OK);
    return doc;
}

static void test_long_metadata(void)
{
    static const char *const forms[] = {
        "<html><head><title>Ab%s</title></head>",
        "<html><head><meta property=\"og:title\" content=\"Ab%s\"></head>",
        ("<html><head><meta property=\"og:site_name\" content=\"A%s\">"
         "<meta name=\"author\" content=\"Ab%s\"><title>Floods cut roads</title></head>"),
    };
    char *letters = malloc(1201);
    for (int i = 0; i < 600; i += 2)
        memcpy(letters + i, "\xc3\xa9", 2);
    letters[600] = '\0';
    for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++) {
        char *page = malloc(8192);
        int k = snprintf(page, 8192, forms[f], letters, letters);
        k += snprintf(page + k, (size_t)(8192 - k),
                      "<body><article><p>Heavy rain cut three main roads in the northern province on "
                      "Tuesday, officials said, and about 1,200 people were moved to schools.</p>"
                      "</article></body></html>");
        sitrep_reader *rd = NULL;
        sitrep_doc *doc = read_page("longmeta.html", page, (size_t)k, &rd);
        if (doc) {
            const char *t = sitrep_doc_title(doc), *o = sitrep_doc_outlet(doc);
            CHECK(t != NULL && utf8_ok(t));
            CHECK(f == 2 ? strcmp(t ? t : "", "Floods cut roads") == 0 : t != NULL && strlen(t) > 200);
            CHECK(f < 2 || (o != NULL && strlen(o) > 100 && utf8_ok(o)));
            for (size_t i = 0; sitrep_doc_byline(doc, i); i++)
                CHECK(utf8_ok(sitrep_doc_byline(doc, i)));
            char *json = calloc(1, 8192);
            CHECK(sitrep_doc_write_json(doc, 0, to_buf, json) == SITREP_OK);
            free(json);
            sitrep_doc_free(doc);
        }
        sitrep_reader_free(rd);
        free(page);
    }
    free(letters);
}

/* A byline the page shows, whose name holds letters encoded with the
 * bytes of the separators a name ends at (the middle dot C2 B7, the bullet
 * E2 80 A2): "\xC4\xB7" (k with cedilla) ends in the dot's second byte,
 * "\xC4\x80" (A with macron) in the bullet's second.  The name ends at a
 * whole separator, never inside a letter (found by fuzz_html: the name was
 * cut after "\xC4" and was no longer UTF-8).  A capital of any script
 * starts a name ("\xC4\x80" too, not only A to Z). */
static void test_byline_letters(void)
{
    static const char *const lines[][2] = {
        {"By J\xC4\x81nis V\xC4\xAB\xC4\xB7is \xC2\xB7 Riga", "J\xC4\x81nis V\xC4\xAB\xC4\xB7is"},
        {"By \xC4\x80" "da Ozoli\xC5\x86" "a \xE2\x80\xA2 staff", "\xC4\x80" "da Ozoli\xC5\x86" "a"},
        {"By Ilze B\xC4\xB7" "ere, Riga", "Ilze B\xC4\xB7" "ere"},
        /* no-break spaces around the name are not part of it, and a
         * one-word label before a colon is not the name */
        {"By\xC2\xA0Ilze B\xC4\xB7" "ere\xC2\xA0\xC2\xA0| Riga", "Ilze B\xC4\xB7" "ere"},
        {"Reporting: Dace Kalni\xC5\x86" "a", "Dace Kalni\xC5\x86" "a"},
    };
    for (size_t k = 0; k < sizeof lines / sizeof lines[0]; k++) {
        char page[2048];
        int n = snprintf(page, sizeof page,
                         "<html><head><title>Floods cut roads in the north</title></head><body><main>"
                         "<article><h1>Floods cut roads in the north</h1><p class=\"byline\">%s</p>"
                         "<p>Heavy rain cut three main roads in the northern province on Tuesday, "
                         "officials said, and about 1,200 people were moved to schools.</p>"
                         "<p>The river rose by two metres overnight, a local official said.</p>"
                         "</article></main></body></html>",
                         lines[k][0]);
        sitrep_reader *rd = NULL;
        sitrep_doc *doc = read_page("byline.html", page, (size_t)n, &rd);
        if (doc) {
            const char *b = sitrep_doc_byline(doc, 0);
            CHECK(b != NULL && utf8_ok(b));
            CHECK_STR(b, lines[k][1]);
            sitrep_doc_free(doc);
        }
        sitrep_reader_free(rd);
    }
}

static void test_api_edges(void)
{
    sitrep_reader *rd = NULL;
    CHECK(sitrep_reader_new(NULL, NULL) == SITREP_EARG);
    CHECK(sitrep_reader_new(NULL, &rd) == SITREP_OK);
    CHECK(sitrep_reader_add(rd, NULL) == SITREP_EARG);
    CHECK(sitrep_reader_next(rd, NULL) == SITREP_EARG);
    sitrep_doc *doc = (sitrep_doc *)&rd;
    CHECK(sitrep_reader_next(rd, &doc) == SITREP_DONE && doc == NULL);
    CHECK(sitrep_reader_skipped(rd) == 0);
    sitrep_reader_free(rd);
    sitrep_reader_free(NULL);
}

int main(int argc, char **argv)
{
    (void)argc, (void)argv;
    snprintf(root, sizeof root, "/tmp/sitrep-test-reader-XXXXXX");
    if (!mkdtemp(root)) {
        perror("mkdtemp");
        return 2;
    }
    test_plain_text();
    test_directory();
    test_jsonl_good();
    test_want();
    test_jsonl_truncated();
    test_jsonl_no_text();
    test_empty_binary_utf8();
    test_gzip();
    test_size_limit();
    test_missing();
    test_symlink_cycle();
    test_long_ids();
    test_odd_file_name();
    test_long_metadata();
    test_byline_letters();
    test_api_edges();
    nftw(root, rm_cb, 16, FTW_DEPTH | FTW_PHYS);
    return test_summary();
}

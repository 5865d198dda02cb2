/*
 * test_snapshot.c -- a corpus saved and loaded again says what it said.
 *
 *   test_snapshot TESTS_DIR [SHARED_DIR]
 *
 * The articles are the samples, the corpus fixtures (written for sitrep)
 * and, when SHARED_DIR/seeds is there, the seed articles (read at test
 * time).  For every split point k, the first k articles are added to a
 * corpus that is saved; the bytes are loaded into a new corpus, the other
 * articles added, and its records must be byte for byte those of one
 * corpus that took all the articles at once: stories, merged claims,
 * conflicts and trends made across the split.  Damaged snapshots (another
 * layout, cut short, bytes flipped) are refused, never read wrongly.
 * The records written in parts (sitrep_corpus_write_json_part) join to
 * the same bytes, and so do ranges (sitrep_corpus_write_json_range)
 * written by corpora made alike, some taking their corroboration from
 * another (sitrep_corpus_add_corroboration), or in its two parts, the
 * stories and the rest, taken apart (sitrep_corpus_add_stories,
 * sitrep_corpus_add_corroboration_rest), or making only the part of the
 * corroboration their ranges need (sitrep_corpus_finish_range).
 */
#include "sitrep.h"
#include "test.h"

#include "core/core.h"
#include "corpus/corpus.h"

#include <dirent.h>
#include <math.h>

#define MAXDOCS 40

static char *ids[MAXDOCS], *texts[MAXDOCS];
static size_t lens[MAXDOCS], ndocs;

static void add_dir(const char *dir, const char *suffix)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    char *found[MAXDOCS];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < MAXDOCS) {
        size_t l = strlen(e->d_name), sl = strlen(suffix);
        if (l > sl && strcmp(e->d_name + l - sl, suffix) == 0)
            found[n++] = strdup(e->d_name);
    }
    closedir(d);
    for (size_t i = 0; i < n; i++) { /* name order, so the test is the same everywhere */
        for (size_t j = i + 1; j < n; j++)
            if (strcmp(found[j], found[i]) < 0) {
                char *t = found[i];
                found[i] = found[j];
                found[j] = t;
            }
    }
    for (size_t i = 0; i < n; i++) {
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, found[i]);
        if (ndocs < MAXDOCS && (texts[ndocs] = read_file(path, &lens[ndocs])) != NULL) {
            found[i][strlen(found[i]) - strlen(suffix)] = '\0';
            ids[ndocs++] = found[i];
        } else {
            free(found[i]);
        }
    }
}

static sitrep_corpus *corpus_of(size_t from, size_t to, const void *snap, size_t snaplen)
{
    sitrep_corpus *c;
    if (sitrep_corpus_new(NULL, &c) != SITREP_OK)
        return NULL;
    if (snap && sr_corpus_load(c, snap, snaplen) != SITREP_OK) {
        sitrep_corpus_free(c);
        return NULL;
    }
    for (size_t i = from; i < to; i++) {
        sitrep_doc *doc;
        if (sitrep_doc_from_memory(ids[i], texts[i], lens[i], NULL, NULL, &doc) != SITREP_OK) {
            sitrep_corpus_free(c);
            return NULL;
        }
        CHECK(sitrep_corpus_add(c, doc) == SITREP_OK);
        sitrep_doc_free(doc);
    }
    return c;
}

/* A write that counts its calls, and fails from the `fail`th on (0: never). */
typedef struct counted {
    sbuf out;
    size_t calls, fail;
} counted;

static int counted_write(const char *data, size_t len, void *ctx)
{
    counted *w = ctx;
    if (w->fail && ++w->calls >= w->fail)
        return -1;
    if (!w->fail)
        w->calls++;
    return sbuf_write(data, len, &w->out);
}

/* sitrep_corpus_write_json_part: the parts of one corpus, one after the
 * other, are its records; each is handed over in blocks of whole records
 * (here, one call a part), and a write that fails is SITREP_EIO. */
static void check_parts(const char *ref)
{
    sitrep_corpus *c = corpus_of(0, ndocs, NULL, 0);
    CHECK(c != NULL);
    if (!c || !ref)
        return;
    const size_t counts[] = {1, 2, 3, 7};
    for (size_t k = 0; k < sizeof counts / sizeof *counts; k++) {
        size_t n = counts[k];
        sbuf joined = {0};
        for (size_t p = 0; p < n; p++) {
            counted w = {{0}, 0, 0};
            CHECK(sitrep_corpus_write_json_part(c, 0, p, n, counted_write, &w) == SITREP_OK);
            CHECK(w.calls <= 1 + w.out.n / (1 << 20));
            if (w.out.n)
                CHECK(sbuf_write(w.out.p, w.out.n, &joined) == 0);
            free(w.out.p);
        }
        CHECK(joined.p && strcmp(joined.p, ref) == 0);
        if (!joined.p || strcmp(joined.p, ref) != 0)
            fprintf(stderr, "%zu parts do not join to the records\n", n);
        free(joined.p);
    }
    counted bad = {{0}, 0, 1};
    CHECK(sitrep_corpus_write_json_part(c, 0, 0, 1, counted_write, &bad) == SITREP_EIO);
    free(bad.out.p);
    CHECK(sitrep_corpus_write_json_part(c, 0, 2, 2, counted_write, &bad) == SITREP_EARG);
    sitrep_corpus_free(c);
}

/* sitrep_corpus_write_json_range and the corroboration given as bytes:
 * ranges that meet, written by corpora made alike (one that corroborated,
 * one that took its corroboration, one that finished itself), join to
 * the records; a range of entities finishes nothing; damaged bytes,
 * another corpus's, a second corroboration and bad ranges are refused. */
static void check_ranges(const char *ref)
{
    sitrep_corpus *a = corpus_of(0, ndocs, NULL, 0), *b = corpus_of(0, ndocs, NULL, 0);
    sitrep_corpus *d = corpus_of(0, ndocs, NULL, 0), *other = corpus_of(0, ndocs - 1, NULL, 0);
    CHECK(a && b && d && other);
    if (!a || !b || !d || !other || !ref)
        return;
    sbuf corr = {0}, wrong = {0};
    CHECK(sitrep_corpus_write_corroboration(a, sbuf_write, &corr) == SITREP_OK);
    CHECK(corr.n > 64);
    CHECK(sitrep_corpus_write_corroboration(other, sbuf_write, &wrong) == SITREP_OK);
    /* the entities need no finishing: b takes the corroboration after */
    counted w = {{0}, 0, 0};
    CHECK(sitrep_corpus_write_json_range(b, 0, 2.0, 3.0, counted_write, &w) == SITREP_OK);
    CHECK(!b->stories_done && !b->corroborated && b->finished);
    free(w.out.p);
    CHECK(sitrep_corpus_add_corroboration(b, wrong.p, wrong.n) == SITREP_EFORMAT);
    CHECK(!b->corroborated);
    /* cut short, or a byte of its header changed: refused, whatever the cut */
    for (size_t cut = 0; cut < corr.n; cut += corr.n / 37 + 1)
        CHECK(sitrep_corpus_add_corroboration(b, corr.p, cut) == SITREP_EFORMAT);
    for (size_t at = 0; at < 24; at++) {
        corr.p[at] ^= 0x20;
        CHECK(sitrep_corpus_add_corroboration(b, corr.p, corr.n) == SITREP_EFORMAT);
        corr.p[at] ^= 0x20;
    }
    CHECK(!b->corroborated);
    CHECK(sitrep_corpus_add_corroboration(b, corr.p, corr.n) == SITREP_OK);
    CHECK(b->stories_done && b->corroborated); /* its stories from the bytes */
    CHECK(sitrep_corpus_add_corroboration(b, corr.p, corr.n) == SITREP_EARG);
    CHECK(sitrep_corpus_add_corroboration(a, corr.p, corr.n) == SITREP_EARG);
    /* one that linked its stories itself takes the bytes: the same stories */
    sitrep_corpus *e = corpus_of(0, ndocs, NULL, 0);
    counted ew = {{0}, 0, 0};
    CHECK(e && sitrep_corpus_write_json_range(e, 0, 0.0, 1.0, counted_write, &ew) == SITREP_OK);
    CHECK(e && e->stories_done && !e->corroborated);
    CHECK(e && sitrep_corpus_add_corroboration(e, corr.p, corr.n) == SITREP_OK);
    free(ew.out.p);
    sitrep_corpus_free(e);
    const double cuts[] = {0, 0.5, 1, 2, 2.25, 2.9, 3, 3.01, 3.5, 4, 4.7, 5, 5.5, 6, 7, 8};
    const size_t ncuts = sizeof cuts / sizeof *cuts;
    sitrep_corpus *by[] = {a, b, d};
    for (size_t turn = 0; turn < 3; turn++) {
        sbuf joined = {0};
        for (size_t k = 0; k + 1 < ncuts; k++) {
            counted rw = {{0}, 0, 0};
            CHECK(sitrep_corpus_write_json_range(by[(k + turn) % 3], 0, cuts[k], cuts[k + 1], counted_write, &rw) ==
                  SITREP_OK);
            if (rw.out.n)
                CHECK(sbuf_write(rw.out.p, rw.out.n, &joined) == 0);
            free(rw.out.p);
        }
        CHECK(joined.p && strcmp(joined.p, ref) == 0);
        if (!joined.p || strcmp(joined.p, ref) != 0)
            fprintf(stderr, "ranges (turn %zu) do not join to the records\n", turn);
        free(joined.p);
    }
    /* bytes changed anywhere are refused or read as other numbers, never
     * read out of bounds (ASan, valgrind) */
    for (size_t at = 24; at < corr.n; at += corr.n / 151 + 1) {
        sitrep_corpus *x = corpus_of(0, ndocs, NULL, 0);
        CHECK(x != NULL);
        if (!x)
            break;
        corr.p[at] ^= 0xff;
        sitrep_status st = sitrep_corpus_add_corroboration(x, corr.p, corr.n);
        CHECK(st == SITREP_OK || st == SITREP_EFORMAT);
        counted rw = {{0}, 0, 0};
        if (st == SITREP_OK)
            CHECK(sitrep_corpus_write_json_range(x, 0, 3, 8, counted_write, &rw) == SITREP_OK);
        free(rw.out.p);
        corr.p[at] ^= 0xff;
        sitrep_corpus_free(x);
    }
    counted rw = {{0}, 0, 0};
    CHECK(sitrep_corpus_write_json_range(a, 0, 3, 2, counted_write, &rw) == SITREP_EARG);
    CHECK(sitrep_corpus_write_json_range(a, 0, -1, 2, counted_write, &rw) == SITREP_EARG);
    CHECK(sitrep_corpus_write_json_range(a, 0, 0, 8.5, counted_write, &rw) == SITREP_EARG);
    CHECK(sitrep_corpus_write_json_range(a, 0, NAN, 8, counted_write, &rw) == SITREP_EARG);
    CHECK(rw.out.n == 0);
    free(corr.p);
    free(wrong.p);
    sitrep_corpus_free(a);
    sitrep_corpus_free(b);
    sitrep_corpus_free(d);
    sitrep_corpus_free(other);
}

/* sitrep_corpus_finish_range: a corpus finished for the events makes
 * only the events' part of the corroboration, one finished for the
 * claims, conflicts or trends only the claims' part, one for the entities
 * nothing; the other part is made when a range or sitrep_corpus_finish
 * wants it, in either order, and the ranges of such corpora join to the
 * records of one corpus; a corpus with a part takes no corroboration as
 * bytes; bad ranges are refused. */
static char *records(sitrep_corpus *c);

static void check_finish_range(const char *ref)
{
    sitrep_corpus *ev = corpus_of(0, ndocs, NULL, 0), *cl = corpus_of(0, ndocs, NULL, 0);
    sitrep_corpus *whole = corpus_of(0, ndocs, NULL, 0), *ent = corpus_of(0, ndocs, NULL, 0);
    CHECK(ev && cl && whole && ent);
    if (!ev || !cl || !whole || !ent || !ref) {
        sitrep_corpus_free(ev), sitrep_corpus_free(cl), sitrep_corpus_free(whole), sitrep_corpus_free(ent);
        return;
    }
    sbuf corr = {0};
    CHECK(sitrep_corpus_write_corroboration(whole, sbuf_write, &corr) == SITREP_OK);
    CHECK(sitrep_corpus_finish_range(ent, 2.0, 3.0) == SITREP_OK);
    CHECK(ent->finished && !ent->stories_done && !ent->claims_corroborated && !ent->events_corroborated);
    CHECK(sitrep_corpus_finish_range(ev, 4.0, 4.5) == SITREP_OK);
    CHECK(ev->stories_done && ev->events_corroborated && !ev->claims_corroborated && !ev->corroborated);
    CHECK(SR_VEC_COUNT(&ev->egroups, sr_cegroup) > 0 && SR_VEC_COUNT(&ev->groups, sr_cgroup) == 0);
    CHECK(sitrep_corpus_finish_range(cl, 5.0, 7.0) == SITREP_OK);
    CHECK(cl->claims_corroborated && !cl->events_corroborated && !cl->corroborated);
    CHECK(SR_VEC_COUNT(&cl->groups, sr_cgroup) > 0 && SR_VEC_COUNT(&cl->egroups, sr_cegroup) == 0);
    CHECK(sitrep_corpus_add_corroboration(ev, corr.p, corr.n) == SITREP_EARG);
    CHECK(sitrep_corpus_add_corroboration(cl, corr.p, corr.n) == SITREP_EARG);
    /* each writes the ranges of its part (and some that need none) */
    const double cuts[] = {0, 2, 3, 3.5, 4, 4.5, 5, 7, 8};
    const size_t ncuts = sizeof cuts / sizeof *cuts;
    sbuf joined = {0};
    for (size_t k = 0; k + 1 < ncuts; k++) {
        sitrep_corpus *by = cuts[k] >= 4 && cuts[k] < 5 ? ev : cuts[k] >= 3 ? cl : k % 2 ? ev : cl;
        counted rw = {{0}, 0, 0};
        CHECK(sitrep_corpus_write_json_range(by, 0, cuts[k], cuts[k + 1], counted_write, &rw) == SITREP_OK);
        if (rw.out.n)
            CHECK(sbuf_write(rw.out.p, rw.out.n, &joined) == 0);
        free(rw.out.p);
    }
    CHECK(joined.p && strcmp(joined.p, ref) == 0);
    free(joined.p);
    CHECK(!ev->claims_corroborated && !cl->events_corroborated);
    /* the other part made after: the same records, whole */
    char *got = records(ev);
    CHECK(ev->corroborated && got && strcmp(got, ref) == 0);
    free(got);
    CHECK(sitrep_corpus_finish_range(cl, 3.0, 8.0) == SITREP_OK && cl->corroborated);
    got = records(cl);
    CHECK(got && strcmp(got, ref) == 0);
    free(got);
    CHECK(sitrep_corpus_finish_range(ent, 3, 2) == SITREP_EARG);
    CHECK(sitrep_corpus_finish_range(ent, 0, 8.5) == SITREP_EARG);
    CHECK(sitrep_corpus_finish_range(ent, NAN, 1) == SITREP_EARG);
    CHECK(sitrep_corpus_finish_range(NULL, 0, 8) == SITREP_EARG);
    free(corr.p);
    sitrep_corpus_free(ev), sitrep_corpus_free(cl), sitrep_corpus_free(whole), sitrep_corpus_free(ent);
}

static char *records(sitrep_corpus *c)
{
    sbuf out = {0};
    CHECK(sitrep_corpus_write_json(c, 0, sbuf_write, &out) == SITREP_OK);
    return out.p;
}

/* The corroboration in two parts: the stories part and the rest, taken by
 * a fresh corpus made alike, give it the records of the whole (and of one
 * that made its own); the stories alone give the documents, stories and
 * mention records, and a range of entities before them changes nothing.
 * The rest needs the stories first; another corpus's parts, a part where
 * the other is wanted, bytes cut short or changed are refused, never read
 * wrongly (the corpus unchanged: the right bytes are taken after). */
static void check_split_corroboration(const char *ref)
{
    sitrep_corpus *a = corpus_of(0, ndocs, NULL, 0), *b = corpus_of(0, ndocs, NULL, 0);
    sitrep_corpus *other = corpus_of(0, ndocs - 1, NULL, 0), *whole = corpus_of(0, ndocs, NULL, 0);
    CHECK(a && b && other && whole);
    if (!a || !b || !other || !whole || !ref) {
        sitrep_corpus_free(a), sitrep_corpus_free(b), sitrep_corpus_free(other), sitrep_corpus_free(whole);
        return;
    }
    sbuf st = {0}, rest = {0}, all = {0}, ost = {0}, orest = {0};
    CHECK(sitrep_corpus_write_stories(a, sbuf_write, &st) == SITREP_OK);
    CHECK(a->stories_done && !a->corroborated);
    CHECK(sitrep_corpus_write_corroboration_rest(a, sbuf_write, &rest) == SITREP_OK);
    CHECK(a->corroborated);
    CHECK(sitrep_corpus_write_corroboration(whole, sbuf_write, &all) == SITREP_OK);
    CHECK(sitrep_corpus_write_stories(other, sbuf_write, &ost) == SITREP_OK);
    CHECK(sitrep_corpus_write_corroboration_rest(other, sbuf_write, &orest) == SITREP_OK);
    /* the two parts hold what the whole holds: its bytes but for the
     * headers (the rest names its stories instead of holding them) */
    CHECK(st.n > 40 && rest.n > 40 && all.n > 40 && st.n + rest.n == all.n + 32);
    /* the parts where the other is wanted, or the whole where a part is */
    CHECK(sitrep_corpus_add_stories(b, rest.p, rest.n) == SITREP_EFORMAT);
    CHECK(sitrep_corpus_add_stories(b, all.p, all.n) == SITREP_EFORMAT);
    CHECK(sitrep_corpus_add_corroboration(b, st.p, st.n) == SITREP_EFORMAT);
    CHECK(sitrep_corpus_add_corroboration(b, rest.p, rest.n) == SITREP_EFORMAT);
    /* the rest before the stories: refused */
    CHECK(sitrep_corpus_add_corroboration_rest(b, rest.p, rest.n) == SITREP_EARG);
    CHECK(!b->stories_done && !b->corroborated);
    /* a range of entities first finishes nothing */
    counted ew = {{0}, 0, 0};
    CHECK(sitrep_corpus_write_json_range(b, 0, 2.0, 3.0, counted_write, &ew) == SITREP_OK);
    free(ew.out.p);
    /* another corpus's stories, damaged or cut stories: refused, nothing taken */
    CHECK(sitrep_corpus_add_stories(b, ost.p, ost.n) == SITREP_EFORMAT);
    for (size_t cut = 0; cut < st.n; cut += st.n / 29 + 1)
        CHECK(sitrep_corpus_add_stories(b, st.p, cut) == SITREP_EFORMAT);
    CHECK(sitrep_corpus_add_stories(b, st.p, st.n + 1) == SITREP_EFORMAT); /* a byte after it */
    for (size_t at = 0; at < st.n; at += st.n / 53 + 1) {
        st.p[at] ^= 0x41;
        CHECK(sitrep_corpus_add_stories(b, st.p, st.n) == SITREP_EFORMAT);
        st.p[at] ^= 0x41;
    }
    CHECK(!b->stories_done);
    CHECK(sitrep_corpus_add_stories(b, st.p, st.n) == SITREP_OK);
    CHECK(b->stories_done && !b->corroborated);
    /* the stories taken twice: the same, so accepted; the corpus that wrote
     * them takes them too */
    CHECK(sitrep_corpus_add_stories(b, st.p, st.n) == SITREP_OK);
    CHECK(sitrep_corpus_add_stories(a, st.p, st.n) == SITREP_OK);
    /* the documents, stories and mention records with the stories alone */
    counted dw = {{0}, 0, 0}, mw = {{0}, 0, 0};
    CHECK(sitrep_corpus_write_json_range(b, 0, 0.0, 2.0, counted_write, &dw) == SITREP_OK);
    CHECK(sitrep_corpus_write_json_range(b, 0, 7.0, 8.0, counted_write, &mw) == SITREP_OK);
    CHECK(!b->corroborated);
    /* another corpus's rest, a damaged or cut rest: refused, nothing taken */
    CHECK(sitrep_corpus_add_corroboration_rest(b, orest.p, orest.n) == SITREP_EFORMAT);
    for (size_t cut = 0; cut < rest.n; cut += rest.n / 31 + 1)
        CHECK(sitrep_corpus_add_corroboration_rest(b, rest.p, cut) == SITREP_EFORMAT);
    for (size_t at = 0; at < 32; at++) {
        rest.p[at] ^= 0x10;
        CHECK(sitrep_corpus_add_corroboration_rest(b, rest.p, rest.n) == SITREP_EFORMAT);
        rest.p[at] ^= 0x10;
    }
    CHECK(!b->corroborated);
    CHECK(sitrep_corpus_add_corroboration_rest(b, rest.p, rest.n) == SITREP_OK);
    CHECK(b->corroborated);
    CHECK(sitrep_corpus_add_corroboration_rest(b, rest.p, rest.n) == SITREP_EARG);
    CHECK(sitrep_corpus_add_corroboration_rest(a, rest.p, rest.n) == SITREP_EARG);
    /* b's records: its ranges before and after the rest, then the rest of them */
    sbuf joined = {0};
    counted cw = {{0}, 0, 0};
    CHECK(sitrep_corpus_write_json_range(b, 0, 2.0, 7.0, counted_write, &cw) == SITREP_OK);
    CHECK(sbuf_write(dw.out.p ? dw.out.p : "", dw.out.n, &joined) == 0);
    CHECK(sbuf_write(cw.out.p ? cw.out.p : "", cw.out.n, &joined) == 0);
    CHECK(sbuf_write(mw.out.p ? mw.out.p : "", mw.out.n, &joined) == 0);
    CHECK(joined.p && strcmp(joined.p, ref) == 0);
    if (!joined.p || strcmp(joined.p, ref) != 0)
        fprintf(stderr, "the corroboration taken in two parts writes other records\n");
    free(dw.out.p), free(cw.out.p), free(mw.out.p), free(joined.p);
    /* a fresh corpus taking the two parts, and one taking the whole, write
     * the records of the one that made them */
    sitrep_corpus *c = corpus_of(0, ndocs, NULL, 0), *w = corpus_of(0, ndocs, NULL, 0);
    CHECK(c && w);
    if (c && w) {
        CHECK(sitrep_corpus_add_stories(c, st.p, st.n) == SITREP_OK);
        CHECK(sitrep_corpus_add_corroboration_rest(c, rest.p, rest.n) == SITREP_OK);
        CHECK(sitrep_corpus_add_corroboration(w, all.p, all.n) == SITREP_OK);
        char *got = records(c), *gotw = records(w), *mine = records(a);
        CHECK(got && strcmp(got, ref) == 0);
        CHECK(gotw && strcmp(gotw, ref) == 0);
        CHECK(mine && strcmp(mine, ref) == 0);
        free(got), free(gotw), free(mine);
    }
    sitrep_corpus_free(c), sitrep_corpus_free(w);
    /* bytes changed anywhere in the rest are refused or read as other
     * numbers, never read out of bounds (ASan, valgrind) */
    for (size_t at = 32; at < rest.n; at += rest.n / 101 + 1) {
        sitrep_corpus *x = corpus_of(0, ndocs, NULL, 0);
        CHECK(x != NULL);
        if (!x)
            break;
        CHECK(sitrep_corpus_add_stories(x, st.p, st.n) == SITREP_OK);
        rest.p[at] ^= 0xff;
        sitrep_status s = sitrep_corpus_add_corroboration_rest(x, rest.p, rest.n);
        CHECK(s == SITREP_OK || s == SITREP_EFORMAT);
        counted rw = {{0}, 0, 0};
        if (s == SITREP_OK)
            CHECK(sitrep_corpus_write_json_range(x, 0, 3, 8, counted_write, &rw) == SITREP_OK);
        free(rw.out.p);
        rest.p[at] ^= 0xff;
        sitrep_corpus_free(x);
    }
    CHECK(sitrep_corpus_write_stories(NULL, sbuf_write, &st) == SITREP_EARG);
    CHECK(sitrep_corpus_write_corroboration_rest(a, NULL, NULL) == SITREP_EARG);
    CHECK(sitrep_corpus_add_stories(NULL, st.p, st.n) == SITREP_EARG);
    CHECK(sitrep_corpus_add_corroboration_rest(b, NULL, 5) == SITREP_EARG);
    free(st.p), free(rest.p), free(all.p), free(ost.p), free(orest.p);
    sitrep_corpus_free(a), sitrep_corpus_free(b), sitrep_corpus_free(other), sitrep_corpus_free(whole);
}

/* A shard's snapshot at every level (0: stored with a CRC-32, as
 * sitrep.dask hands them between tasks; 1 to 9: zlib) merges into the
 * records of one corpus, a stored one mixed with deflated ones; damage to
 * a stored snapshot's bytes or checksum, a cut, a level outside 0 to 9 are
 * refused. */
static void check_snapshot_levels(const char *ref)
{
    size_t half = ndocs / 2;
    sitrep_corpus *a = corpus_of(0, half, NULL, 0), *b = corpus_of(half, ndocs, NULL, 0);
    CHECK(a && b);
    if (!a || !b) {
        sitrep_corpus_free(a);
        sitrep_corpus_free(b);
        return;
    }
    sbuf sa[3] = {{0}}, sb = {0}, bad = {0};
    const int levels[3] = {0, 1, 9};
    for (size_t k = 0; k < 3; k++)
        CHECK(sitrep_corpus_write_snapshot_level(a, levels[k], sbuf_write, &sa[k]) == SITREP_OK);
    CHECK(sitrep_corpus_write_snapshot_level(b, 0, sbuf_write, &sb) == SITREP_OK);
    CHECK(sitrep_corpus_write_snapshot_level(a, 10, sbuf_write, &bad) == SITREP_EARG);
    CHECK(sitrep_corpus_write_snapshot_level(a, -1, sbuf_write, &bad) == SITREP_EARG);
    CHECK(bad.n == 0);
    CHECK(sa[0].n > 2 * sa[1].n && memcmp(sa[0].p, "SRPART\x02\x01", 8) == 0);
    for (size_t k = 0; k < 3; k++) {
        sitrep_corpus *m;
        CHECK(sitrep_corpus_new(NULL, &m) == SITREP_OK);
        CHECK(sitrep_corpus_add_snapshot(m, sa[k].p, sa[k].n) == SITREP_OK);
        CHECK(sitrep_corpus_add_snapshot(m, sb.p, sb.n) == SITREP_OK);
        char *got = records(m);
        CHECK(got && strcmp(got, ref) == 0);
        free(got);
        sitrep_corpus_free(m);
    }
    /* a byte of the corpus, of its checksum, of the header's sizes; cut */
    const size_t at[] = {64 + (sa[0].n - 64) / 2, sa[0].n - 3, 24, 32};
    for (size_t k = 0; k < sizeof at / sizeof at[0]; k++) {
        sitrep_corpus *m;
        CHECK(sitrep_corpus_new(NULL, &m) == SITREP_OK);
        sa[0].p[at[k]] ^= 0x10;
        CHECK(sitrep_corpus_add_snapshot(m, sa[0].p, sa[0].n) == SITREP_EFORMAT);
        sa[0].p[at[k]] ^= 0x10;
        CHECK(sitrep_corpus_add_snapshot(m, sa[0].p, sa[0].n - 1) == SITREP_EFORMAT);
        CHECK(SR_VEC_COUNT(&m->docs, sr_cdoc) == 0);
        sitrep_corpus_free(m);
    }
    for (size_t k = 0; k < 3; k++)
        free(sa[k].p);
    free(sb.p);
    sitrep_corpus_free(a);
    sitrep_corpus_free(b);
}

/* Adds articles [from, to) to c. */
static void add_range(sitrep_corpus *c, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        sitrep_doc *doc;
        CHECK(sitrep_doc_from_memory(ids[i], texts[i], lens[i], NULL, NULL, &doc) == SITREP_OK);
        CHECK(sitrep_corpus_add(c, doc) == SITREP_OK);
        sitrep_doc_free(doc);
    }
}

/* A corpus loaded from a whole snapshot and parts (NULL ends the list). */
static sitrep_corpus *loaded(const sr_buf *whole, const sr_buf *const *parts, sitrep_status *last)
{
    sitrep_corpus *c;
    CHECK(sitrep_corpus_new(NULL, &c) == SITREP_OK);
    *last = sr_corpus_load(c, whole->data, whole->len);
    for (size_t i = 0; parts[i] && *last == SITREP_OK; i++)
        *last = sr_corpus_load_part(c, parts[i]->data, parts[i]->len);
    return c;
}

/* A snapshot in parts (a store saves each batch's rows as a part): a
 * whole snapshot of the first third, a part of each next third, and one
 * part of both, loaded in order, give the records of all the articles,
 * and a corpus whose whole snapshot is the bytes of the one loaded from a
 * whole snapshot of all; a part out of its order is refused. */
static void check_snapshot_parts(const char *ref)
{
    size_t k1 = ndocs / 3, k2 = 2 * ndocs / 3;
    sitrep_corpus *c;
    CHECK(sitrep_corpus_new(NULL, &c) == SITREP_OK);
    sr_buf whole, p1, p2, p12, all;
    sr_buf_init(&whole, NULL);
    sr_buf_init(&p1, NULL);
    sr_buf_init(&p2, NULL);
    sr_buf_init(&p12, NULL);
    sr_buf_init(&all, NULL);
    sr_snap_mark m1, m2;
    add_range(c, 0, k1);
    CHECK(sr_corpus_save(c, &whole) == SITREP_OK);
    sr_corpus_mark(c, &m1);
    add_range(c, k1, k2);
    CHECK(sr_corpus_save_part(c, &m1, &p1) == SITREP_OK);
    sr_corpus_mark(c, &m2);
    add_range(c, k2, ndocs);
    CHECK(sr_corpus_save_part(c, &m2, &p2) == SITREP_OK);
    CHECK(sr_corpus_save_part(c, &m1, &p12) == SITREP_OK);
    CHECK(sr_corpus_save(c, &all) == SITREP_OK);
    CHECK(p2.len < all.len && p1.len < all.len);
    sitrep_corpus_free(c);
    sitrep_status st;
    const sr_buf *none[] = {NULL}, *two[] = {&p1, &p2, NULL}, *one[] = {&p12, NULL}, *skip[] = {&p2, NULL};
    sr_buf ref_bytes, got_bytes;
    sr_buf_init(&ref_bytes, NULL);
    sr_buf_init(&got_bytes, NULL);
    c = loaded(&all, none, &st);
    CHECK(st == SITREP_OK && sr_corpus_save(c, &ref_bytes) == SITREP_OK);
    sitrep_corpus_free(c);
    const sr_buf *const *ways[] = {two, one};
    for (size_t w = 0; w < 2; w++) {
        c = loaded(&whole, ways[w], &st);
        CHECK(st == SITREP_OK);
        got_bytes.len = 0;
        CHECK(st == SITREP_OK && sr_corpus_save(c, &got_bytes) == SITREP_OK);
        CHECK(got_bytes.len == ref_bytes.len && memcmp(got_bytes.data, ref_bytes.data, ref_bytes.len) == 0);
        char *got = st == SITREP_OK ? records(c) : NULL;
        CHECK(got && ref && strcmp(got, ref) == 0);
        free(got);
        sitrep_corpus_free(c);
    }
    c = loaded(&whole, skip, &st);
    CHECK(st == SITREP_EFORMAT);
    sitrep_corpus_free(c);
    sr_buf *bufs[] = {&whole, &p1, &p2, &p12, &all, &ref_bytes, &got_bytes};
    for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
        sr_buf_free(bufs[i]);
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/../samples", argv[1]);
    add_dir(dir, ".txt");
    const char *sub[] = {"wire", "paraphrase", "two_attacks", "scope"};
    for (size_t i = 0; i < 4; i++) {
        snprintf(dir, sizeof dir, "%s/fixtures/corpus/%s", argv[1], sub[i]);
        add_dir(dir, ".txt");
    }
    if (argc >= 3) {
        snprintf(dir, sizeof dir, "%s/seeds", argv[2]);
        add_dir(dir, ".txt");
    }
    CHECK(ndocs >= 10);
    sitrep_corpus *all = corpus_of(0, ndocs, NULL, 0);
    CHECK(all != NULL);
    if (!all)
        return test_summary();
    char *ref = records(all);
    sitrep_corpus_free(all);
    CHECK(ref && strstr(ref, "\"type\":\"claim\"") && strstr(ref, "\"type\":\"story\""));
    check_parts(ref);
    check_ranges(ref);
    check_finish_range(ref);
    check_split_corroboration(ref);
    check_snapshot_parts(ref);
    check_snapshot_levels(ref);

    size_t same = 0, tried = 0;
    for (size_t k = 0; k <= ndocs; k++) {
        sitrep_corpus *first = corpus_of(0, k, NULL, 0);
        CHECK(first != NULL);
        if (!first)
            continue;
        sr_buf snap;
        sr_buf_init(&snap, NULL);
        CHECK(sr_corpus_save(first, &snap) == SITREP_OK);
        sitrep_corpus_free(first);
        sitrep_corpus *rest = corpus_of(k, ndocs, snap.data, snap.len);
        CHECK(rest != NULL);
        tried++;
        if (rest) {
            char *got = records(rest);
            if (got && ref && strcmp(got, ref) == 0)
                same++;
            else if (same == tried - 1)
                fprintf(stderr, "split after %zu articles writes other records\n", k);
            free(got);
            sitrep_corpus_free(rest);
        }
        if (k == ndocs / 2 && snap.len > 64) {
            /* damaged: another layout key, cut short, a byte flipped in
             * the middle -- refused or, when the flip lands in a string,
             * loaded without harm; never a crash */
            sitrep_corpus *c;
            snap.data[8] ^= 1;
            CHECK(sitrep_corpus_new(NULL, &c) == SITREP_OK);
            CHECK(sr_corpus_load(c, snap.data, snap.len) == SITREP_EFORMAT);
            sitrep_corpus_free(c);
            snap.data[8] ^= 1;
            CHECK(sitrep_corpus_new(NULL, &c) == SITREP_OK);
            CHECK(sr_corpus_load(c, snap.data, snap.len - 5) == SITREP_EFORMAT);
            sitrep_corpus_free(c);
            for (size_t at = 16; at < snap.len; at += snap.len / 97 + 1) {
                snap.data[at] ^= 0x5A;
                CHECK(sitrep_corpus_new(NULL, &c) == SITREP_OK);
                (void)sr_corpus_load(c, snap.data, snap.len);
                sitrep_corpus_free(c);
                snap.data[at] ^= 0x5A;
            }
            /* a finished corpus is not saved (finishing changes it) */
            sitrep_corpus *f = corpus_of(0, 2, NULL, 0);
            char *r = f ? records(f) : NULL;
            sr_buf again;
            sr_buf_init(&again, NULL);
            CHECK(f && sr_corpus_save(f, &again) == SITREP_EARG);
            sr_buf_free(&again);
            free(r);
            sitrep_corpus_free(f);
        }
        sr_buf_free(&snap);
    }
    fprintf(stderr, "test_snapshot: %zu articles, %zu of %zu splits write the same records\n", ndocs, same,
            tried);
    CHECK(same == tried);
    free(ref);
    for (size_t i = 0; i < ndocs; i++) {
        free(ids[i]);
        free(texts[i]);
    }
    return test_summary();
}

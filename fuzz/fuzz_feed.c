/*
 * fuzz_feed.c -- the reader over an RSS or Atom feed: the input inside an
 * item's content (size % 2 == 0: RSS with content:encoded) or as a whole
 * Atom document after its root (size % 2 == 1).  The reader must end, name
 * what it skips, and give documents that satisfy fz_check_doc.
 */
#include "fuzz_reader_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fz_mem_reset; /* shared helpers this target does not need */
    char path[256];
    snprintf(path, sizeof path, "%s/feed.xml", fz_tmpdir());
    static const char rss_head[] =
        "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
        "<channel><title>T</title><item><title>Item</title><link>https://example.org/i</link>"
        "<pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate><content:encoded><![CDATA[";
    static const char rss_tail[] = "]]></content:encoded></item></channel></rss>";
    static const char atom_head[] = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">";
    bool rss = size % 2 == 0;
    const char *head = rss ? rss_head : atom_head;
    size_t hn = strlen(head), tn = rss ? sizeof rss_tail - 1 : 0;
    uint8_t *buf = malloc(hn + size + tn + 1);
    if (!buf)
        return 0;
    memcpy(buf, head, hn);
    memcpy(buf + hn, data, size);
    if (tn)
        memcpy(buf + hn + size, rss_tail, tn);
    fz_write_file(path, buf, hn + size + tn);
    size_t lines = fz_count_lines(buf, hn + size + tn), calls = fz_max_results(buf, hn + size + tn);
    free(buf);
    sitrep_options opts;
    sitrep_options_init(&opts);
    opts.max_input_bytes = 1 << 20;
    sitrep_reader *r;
    FZ_ASSERT(sitrep_reader_new(&opts, &r) == SITREP_OK);
    FZ_ASSERT(sitrep_reader_add(r, path) == SITREP_OK);
    const char *paths[] = {path};
    fz_drive(r, paths, 1, calls, opts.max_input_bytes, lines, NULL);
    sitrep_reader_free(r);
    return 0;
}

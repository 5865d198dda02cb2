/*
 * test_glue.c -- glued-word repair: what is split, where, and what is not.
 */
#include "clean/glue.h"
#include "test.h"

/* Applies the cuts and returns the repaired word in a static buffer. */
static const char *repair(const char *w)
{
    static char out[256];
    size_t cuts[SR_GLUE_MAX_CUTS];
    size_t n = strlen(w), k = sr_glue_split(w, n, cuts), o = 0, c = 0;
    for (size_t i = 0; i < n && o + 2 < sizeof out; i++) {
        if (c < k && cuts[c] == i) {
            out[o++] = ' ';
            c++;
        }
        out[o++] = w[i];
    }
    out[o] = '\0';
    return out;
}

int main(void)
{
    /* lower|Upper */
    CHECK_STR(repair("inIraq"), "in Iraq");
    CHECK_STR(repair("theKurdish"), "the Kurdish");
    CHECK_STR(repair("StreetJournal"), "Street Journal");
    CHECK_STR(repair("ofRaqqa"), "of Raqqa");
    CHECK_STR(repair("toKirkuk"), "to Kirkuk");
    CHECK_STR(repair("iPhone"), "iPhone");
    CHECK_STR(repair("eBay"), "eBay");
    /* ACRONYM|lower */
    CHECK_STR(repair("USmaintains"), "US maintains");
    CHECK_STR(repair("UNpeacekeepers"), "UN peacekeepers");
    CHECK_STR(repair("US-SDFcoalition"), "US-SDF coalition");
    CHECK_STR(repair("ISISpropaganda"), "ISIS propaganda");
    /* lower|lower, two and three parts */
    CHECK_STR(repair("bomberstargeting"), "bombers targeting");
    CHECK_STR(repair("strugglingto"), "struggling to");
    CHECK_STR(repair("hasbeenincreasing"), "has been increasing");
    CHECK_STR(repair("withoutfiring"), "without firing");
    CHECK_STR(repair("inthis"), "in this");
    CHECK_STR(repair("troopsin"), "troops in");
    CHECK_STR(repair("militantshave"), "militants have");
    /* never split: names, brands, real words, compounds, plurals of acronyms */
    CHECK_STR(repair("McKenzie"), "McKenzie");
    CHECK_STR(repair("MacArthur"), "MacArthur");
    CHECK_STR(repair("YouTube"), "YouTube");
    CHECK_STR(repair("PlayStation"), "PlayStation");
    CHECK_STR(repair("DeSantis"), "DeSantis");
    CHECK_STR(repair("Kurilla"), "Kurilla");
    CHECK_STR(repair("Sewell"), "Sewell");
    CHECK_STR(repair("al-Baghdadi"), "al-Baghdadi");
    CHECK_STR(repair("counterterrorism"), "counterterrorism");
    CHECK_STR(repair("reconstitute"), "reconstitute");
    CHECK_STR(repair("nonmilitary"), "nonmilitary");
    CHECK_STR(repair("mindset"), "mindset");
    CHECK_STR(repair("uptick"), "uptick");
    CHECK_STR(repair("statewide"), "statewide");
    CHECK_STR(repair("CEOs"), "CEOs");
    CHECK_STR(repair("IDPs"), "IDPs");
    CHECK_STR(repair("attacks"), "attacks");
    CHECK_STR(repair("Iraq"), "Iraq");
    CHECK_STR(repair("Zarqawi"), "Zarqawi");
    CHECK_STR(repair("ISIS"), "ISIS");
    CHECK_STR(repair("COVID"), "COVID");
    return test_summary();
}

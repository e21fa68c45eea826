package search

import "strings"

// A handbook written in British English says "prioritise" and "colour", a
// reader from America types "prioritize" and "color", and the reverse.
// Stem folds every word to its American spelling before Porter2 stems it,
// in the index and in a query alike, so both spellings meet in one stem;
// each spelling stays a variant of its own, so the one typed still ranks
// as the exact match. The client script has a twin of american (search.js)
// and TestBrowserStemParity holds the two equal.
//
// The fold is a short table of words and five suffix rules (-ise, -yse,
// -our, -tre, -ogue) with the words that only look like them kept out:
// "precise" and "advertise" are -ise in America too, "hour" and "tour"
// are not -our words. A word the rules get wrong is folded the same way on
// both sides, so the harm is at worst two words meeting that should not.

// spellingWords are British words the suffix rules do not reach, with
// their inflections spelled out: the rules would take too much with them
// ("programme" but not "programmed").
var spellingWords = map[string]string{
	"programme": "program", "programmes": "programs",
	"grey": "gray", "greys": "grays", "greyed": "grayed", "greying": "graying",
	"judgement": "judgment", "judgements": "judgments",
	"acknowledgement": "acknowledgment", "acknowledgements": "acknowledgments",
	"ageing": "aging", "skilful": "skillful", "skilfully": "skillfully", "wilful": "willful", "wilfully": "willfully",
	"sceptic": "skeptic", "sceptics": "skeptics", "sceptical": "skeptical", "sceptically": "skeptically", "scepticism": "skepticism",
	"artefact": "artifact", "artefacts": "artifacts", "aluminium": "aluminum",
	"manoeuvre": "maneuver", "manoeuvres": "maneuvers", "manoeuvred": "maneuvered", "manoeuvring": "maneuvering",
	"practise": "practice", "practises": "practices", "practised": "practiced", "practising": "practicing",
	"enrol": "enroll", "enrols": "enrolls", "enrolment": "enrollment", "enrolments": "enrollments",
	"fulfil": "fulfill", "fulfils": "fulfills", "fulfilment": "fulfillment",
	"instalment": "installment", "instalments": "installments", "counsellor": "counselor", "counsellors": "counselors",
	"jewellery": "jewelry", "mould": "mold", "moulds": "molds", "moulded": "molded", "moulding": "molding", "mouldy": "moldy",
	"plough": "plow", "ploughs": "plows", "ploughed": "plowed", "ploughing": "plowing",
	"centred": "centered", "centring": "centering",
	"fibre": "fiber", "fibres": "fibers", "calibre": "caliber", "calibres": "calibers", "sabre": "saber", "sabres": "sabers",
	"sombre": "somber", "meagre": "meager",
	"odour": "odor", "odours": "odors", "odourless": "odorless", "vapour": "vapor", "vapours": "vapors",
}

// iseEndings follow "is" in -ise words and what is made from them
// ("organisational"), longest first.
var iseEndings = []string{"ational", "ations", "ements", "ation", "ement", "ingly", "able", "ably", "ance", "ant", "ers", "ing",
	"er", "es", "ed", "e"}

// iseKeptWords are -ise words spelled so in America too whose ending alone
// does not say so (iseKept): "amortise" is -ize there, "mortise" is not.
var iseKeptWords = map[string]bool{
	"advertise": true, "expertise": true, "chastise": true, "mortise": true, "treatise": true, "paradise": true,
	"merchandise": true, "anise": true, "cerise": true, "valise": true,
}

// iseKeptEnds are the ends of -ise words spelled so in America too, with
// any prefix ("misadvise").
var iseKeptEnds = []string{"wise", "advise", "devise", "revise", "supervise", "improvise", "televise", "ruise", "guise",
	"aise", "oise", "chise", "pise", "romise", "premise", "demise", "chemise", "rmise"}

// iseKept reports whether base, an -ise word, is spelled -ise in America
// too: advise and revise, raise, noise, cruise, franchise, despise,
// promise and premise, surmise, surprise and the other -prise words,
// precise and exercise, and the words listed in iseKeptWords.
func iseKept(base string) bool {
	if iseKeptWords[base] {
		return true
	}
	for _, end := range iseKeptEnds {
		if strings.HasSuffix(base, end) {
			return true
		}
	}
	n := len(base)
	// Of the -cise words only "criticise" and "ostracise" and their kind
	// are -ize.
	if strings.HasSuffix(base, "cise") {
		return n < 5 || base[n-5] != 'i' && base[n-5] != 'a'
	}
	// -rise after a consonant: comprise, sunrise, uprise; after a vowel
	// it is -rize (categorise, summarise).
	if strings.HasSuffix(base, "rise") && n > 4 && !isVowel(base[n-5]) {
		return true
	}
	return false
}

// ourEndings follow "our" in -our words and what is made from them
// ("favourite", "neighbourhood").
var ourEndings = []string{"ably", "able", "ally", "fully", "ful", "hoods", "hood", "lessness", "less", "ites", "ite", "itism",
	"ists", "ist", "ism", "ations", "ation", "liness", "ly", "ies", "ier", "iest", "ers", "er", "ings", "ing", "ed", "al", "s", "y", ""}

// ourKept are -our words spelled so in America too, matched at their end
// ("downpour", "contour"), and ourKeptWords whole.
var (
	ourKept      = []string{"hour", "four", "tour", "pour", "sour", "your", "flour", "scour", "jour"}
	ourKeptWords = map[string]bool{"devour": true, "amour": true, "paramour": true, "glamour": true, "velour": true, "tambour": true, "troubadour": true,
		"pompadour": true, "parkour": true}
)

// ogueRoots are the -ogue words America spells -og, without the "ue".
var ogueRoots = []string{"catalog", "dialog", "analog", "prolog", "epilog", "monolog", "travelog", "homolog"}

// treKept are words ending in -tre that are not British spellings.
var treKept = map[string]bool{"entre": true, "contre": true, "notre": true, "autre": true, "quatre": true}

// enceRoots are the -ence nouns America spells -ense, anywhere in a word
// ("unlicenced").
var enceRoots = [][2]string{{"licenc", "licens"}, {"defenc", "defens"}, {"offenc", "offens"}, {"pretenc", "pretens"}}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// american is a word of lower-case ASCII letters in its American spelling
// (see the top of this file); any other word is itself.
func american(w string) string {
	// A possessive is folded without its ending, which Porter2 drops.
	if i := strings.IndexByte(w, '\''); i > 0 {
		if end := w[i:]; end == "'" || end == "'s" || end == "'s'" {
			return american(w[:i]) + end
		}
	}
	if a, ok := spellingWords[w]; ok {
		return a
	}
	if len(w) < 5 {
		return w
	}
	for _, r := range enceRoots {
		if strings.Contains(w, r[0]) {
			return strings.Replace(w, r[0], r[1], 1)
		}
	}
	for _, end := range iseEndings {
		if root, ok := strings.CutSuffix(w, "is"+end); ok {
			if len(root) >= 3 && !iseKept(root+"ise") {
				return root + "iz" + end
			}
			break
		}
	}
	for _, end := range []string{"ers", "ing", "er", "es", "ed", "e"} {
		if root, ok := strings.CutSuffix(w, "lys"+end); ok {
			if len(root) >= 2 {
				return root + "lyz" + end
			}
			break
		}
	}
	if i := strings.LastIndex(w, "our"); i >= 3 && ourEnding(w[i+3:]) {
		base := w[:i+3]
		kept := ourKeptWords[base]
		for _, k := range ourKept {
			kept = kept || strings.HasSuffix(base, k)
		}
		if !kept {
			return w[:i] + "or" + w[i+3:]
		}
	}
	for _, end := range []string{"tres", "tre"} {
		if root, ok := strings.CutSuffix(w, end); ok && len(root) >= 2 && !treKept[root+"tre"] {
			return root + "ter" + end[3:]
		}
	}
	for _, r := range ogueRoots {
		if rest, ok := strings.CutPrefix(w, r+"u"); ok {
			switch rest {
			case "e":
				return r
			case "es":
				return r + "s"
			case "ed", "ing":
				return r + rest
			}
		}
	}
	return w
}

func ourEnding(s string) bool {
	for _, e := range ourEndings {
		if s == e {
			return true
		}
	}
	return false
}

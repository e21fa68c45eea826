package corpus

// vocab is the word list the prose is drawn from: lower-case ASCII words
// only, so heading ids are the words joined by hyphens in every generator.
var vocab = []string{
	"product", "customer", "roadmap", "outcome", "discovery", "delivery", "team", "engineer",
	"design", "research", "metric", "goal", "strategy", "vision", "backlog", "priority",
	"launch", "release", "feedback", "interview", "experiment", "hypothesis", "signal", "insight",
	"decision", "tradeoff", "scope", "risk", "dependency", "stakeholder", "alignment", "influence",
	"authority", "ownership", "conductor", "orchestra", "score", "tempo", "rehearsal", "section",
	"market", "segment", "persona", "journey", "problem", "solution", "prototype", "sketch",
	"usability", "adoption", "retention", "activation", "revenue", "pricing", "packaging", "positioning",
	"message", "enablement", "support", "escalation", "incident", "quality", "testing", "review",
	"planning", "estimate", "sprint", "cycle", "quarter", "cadence", "ritual", "meeting",
	"document", "brief", "spec", "requirement", "story", "acceptance", "criteria", "definition",
	"done", "ready", "progress", "status", "update", "report", "dashboard", "analysis",
	"data", "query", "funnel", "cohort", "trend", "baseline", "target", "threshold",
	"budget", "cost", "value", "impact", "effort", "confidence", "reach", "score",
	"opportunity", "bet", "initiative", "theme", "epic", "feature", "capability", "platform",
	"service", "interface", "contract", "migration", "rollout", "flag", "beta", "pilot",
	"partner", "vendor", "contract", "legal", "privacy", "security", "compliance", "policy",
	"people", "hiring", "onboarding", "coaching", "mentor", "growth", "career", "skill",
	"craft", "practice", "habit", "principle", "pattern", "framework", "model", "canvas",
	"workshop", "session", "retro", "lesson", "mistake", "learning", "question", "answer",
	"context", "clarity", "focus", "trust", "candour", "empathy", "curiosity", "judgement",
	"narrative", "memo", "pitch", "demo", "story", "evidence", "assumption", "unknown",
	"the", "a", "and", "of", "to", "with", "for", "from", "by", "about",
	"when", "why", "how", "what", "who", "every", "each", "some", "many", "few",
	"clear", "quick", "small", "large", "early", "late", "shared", "open", "honest", "simple",
	"build", "ship", "measure", "learn", "ask", "listen", "write", "decide", "explain", "agree",
}

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

// The Japanese word lists the real shape's Japanese pages are drawn from:
// common workplace nouns (kanji compounds and katakana loan words), a few
// Latin-letter terms Japanese prose mixes in, particles, sentence endings
// and connectives. Sentences are put together from them (jaSentence), so
// the text has the shape of Japanese (no spaces, 、 and 。) without being
// any real text. Headings and titles join nouns with の, so their GitHub
// heading ids are their own text in every generator.
var jaNouns = []string{
	"製品", "顧客", "計画", "開発", "設計", "調査", "指標", "目標", "戦略", "優先順位",
	"判断", "会議", "担当者", "課題", "仮説", "検証", "実験", "品質", "改善", "分析",
	"資料", "要件", "仕様", "期限", "予算", "成果", "影響", "関係者", "合意", "責任",
	"権限", "役割", "組織", "部門", "市場", "競合", "価格", "販売", "営業", "広報",
	"採用", "育成", "評価", "面談", "振り返り", "学習", "知見", "事例", "手順", "方針",
	"基準", "記録", "報告", "共有", "連絡", "相談", "承認", "確認", "準備", "実行",
	"公開", "運用", "保守", "障害", "対応", "監視", "安全", "法務", "契約", "個人情報",
	"利用者", "体験", "画面", "機能", "不具合", "要望", "期待", "価値", "効果", "費用",
	"工数", "見積もり", "進捗", "状況", "週次", "四半期", "年間", "全体", "詳細", "背景",
	"目的", "理由", "前提", "制約", "依存関係", "選択肢", "結論", "議事録", "決定", "優先度",
	"チーム", "ロードマップ", "リリース", "フィードバック", "インタビュー", "プロトタイプ",
	"スプリント", "バックログ", "ユーザー", "データ", "ダッシュボード", "ミーティング",
	"レビュー", "テスト", "デザイン", "エンジニア", "マネージャー", "プロダクト", "サービス",
	"プラットフォーム", "ドキュメント", "テンプレート", "ワークショップ", "オンボーディング",
	"コミュニケーション", "マーケティング", "サポート", "セキュリティ", "リスク", "スケジュール",
}

// jaLatin are the Latin-letter terms Japanese prose mixes in.
var jaLatin = []string{"API", "KPI", "OKR", "PRD", "SLA", "PM", "QA", "UI", "UX", "MVP"}

var jaParticles = []string{"の", "を", "に", "は", "が", "で", "と", "から", "まで", "より", "へ"}

var jaEndings = []string{
	"します", "しました", "できます", "です", "になります", "が必要です", "を決めます",
	"を共有します", "を見直します", "を確認します", "を記録します", "に合意します",
	"を進めます", "を優先します", "について話します", "を整理します", "を伝えます",
}

var jaConnectives = []string{"そのため", "また", "ただし", "まず", "次に", "最後に", "一方で", "たとえば"}

// jaKanji pair into the rare Japanese words (jaRare), a long tail like
// the names and terms of a real team.
var jaKanji = []rune("新旧主副内外上下前後大小高低長短早遅強弱正誤本仮全半多少先次初終常臨特普自他直間原案稿版型式表図値量")

// syllables make the rare English-like words (rareWord).
var syllables = []string{
	"ka", "lo", "mi", "ren", "dor", "vex", "qui", "sal", "tor", "bel", "nix", "ar", "os", "ul", "tri", "zen",
	"pha", "gro", "mel", "dun", "sti", "cor", "fen", "ji", "ro", "wa", "ly", "ost", "ine", "ella", "umb", "ark",
}

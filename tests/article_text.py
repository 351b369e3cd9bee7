"""Pieces of article-like text for property tests and the fuzzer: number phrases, words, punctuation."""

PHRASES = [
    "about 120", "1,150 drones", "45%", "$5bn", "nine", "between 10 and 15", "at least 37", "-10C (14F)",
    "born in 1979", "more than 1.2 million", "267 drones were launched", "138 were shot down", "119 were decoys",
    "up 5 percentage points", "from 20% to 25%", "half", "two-thirds", "one in five", "aged 39", "39-year-old",
    "in 2015", "March 5, 2024", "5 June 2023", "57 kilometres (45 miles)", "£3.4m", "€2 billion", "3-1",
    "COVID-19", "Boeing 737", "twice as many", "10 per cent", "a third", "nearly 300", "up to 50", "fewer than 10",
    "the 1990s", "5 pm", "10:30", "No. 10", "twenty-one", "one hundred and twenty", "7.5", "0.5", "2½", "17-1/4",
    "1.2bn", "30 km/h", "rose by 12%", "fell 3.4 points", "of whom", "per day", "a year", "US$ 4.3 billion",
    "25.269 units", "2 hours 6 minutes 51 seconds", "three times as many", "10-fold", "first anniversary",
    "50 basis points", "the 10th", "1,000,000", "1.1.1", "F-16", "0", "-0", "−5", "5–10", "between 15 and 10",
    "1e309", "9" * 40, "9" * 400, "$" + "9" * 300 + "bn", "١٢٣ people", "1\u200b150", "1\u00a0150", "1\u202f150", "½", "¾ of", "⅓",
]
WORDS = [
    "drones", "people", "students", "passed", "failed", "killed", "injured", "were", "the", "of", "in", "and",
    "launched", "shot down", "decoys", "percent", "total", "which", "while", "including", "or", "each", "Garcia,",
    "Mr", "Source", "Photo", "million", "billion", "thousand", "hundred", "per", "old", "years", "about", "than",
    "İstanbul", "ﬃ", "ß", "Σ", "ǅ", "𝟙𝟚", "Ⅻ", "²", "e\u0301", "😀",
]
PUNCT = [".", ",", ";", ":", "(", ")", "—", "-", "–", "\n", "\n\n", "'", '"', "“", "”", "%", "$", "/", "\r\n",
         "\t", "\u00a0", "\u200b", "\u2028", "\x0c", "..."]
SEPARATORS = [" ", " ", " ", "", "\n", ", ", ". "]
PAIRS = ["between {} and {}", "{}-{}", "{}–{}", "from {} to {}", "{} of {}", "{} ({})", "{} to {}"]

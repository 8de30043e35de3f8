/// Finds the intended word for a misspelled one, for "did you mean" fixes.
public enum Suggestion {
    /// The candidate closest to `word`, or nil when none is close.
    ///
    /// A case-insensitive match wins; otherwise the smallest Damerau-Levenshtein
    /// (optimal string alignment) distance within `max(2, word.count / 3)`, where a
    /// candidate that starts with `word` (or that `word` starts with) also counts as
    /// close. Ties go to the alphabetically first candidate.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        closest(to: word, among: candidates, allowingPrefixes: true)
    }

    /// As `closest(to:among:)`, optionally without the prefix rule (for suggesting which
    /// written key was meant as a missing one, where a longer key is usually a different field).
    static func closest(to word: String, among candidates: some Sequence<String>, allowingPrefixes: Bool) -> String? {
        let folded = Array(word.lowercased())
        guard !folded.isEmpty else { return nil }
        let limit = max(2, word.count / 3)
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            let other = Array(candidate.lowercased())
            guard !other.isEmpty else { continue }
            let distance: Int
            if other == folded {
                distance = 0
            } else {
                let edits = editDistance(folded, other)
                let isPrefixMatch = allowingPrefixes && isCloseByPrefix(folded, other)
                guard (edits <= limit && edits < max(folded.count, other.count)) || isPrefixMatch else { continue }
                distance = edits
            }
            if let current = best {
                if distance < current.distance || (distance == current.distance && candidate < current.candidate) {
                    best = (distance, candidate)
                }
            } else {
                best = (distance, candidate)
            }
        }
        return best?.candidate
    }

    /// Whether one word starts with the other and the shorter is long enough to mean something.
    private static func isCloseByPrefix(_ left: [Character], _ right: [Character]) -> Bool {
        let (shorter, longer) = left.count <= right.count ? (left, right) : (right, left)
        return shorter.count >= 3 && longer.starts(with: shorter)
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
    static func editDistance(_ left: [Character], _ right: [Character]) -> Int {
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        let width = right.count + 1
        var previousPrevious = [Int](repeating: 0, count: width)
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, left[i - 1] == right[j - 2], left[i - 2] == right[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            swap(&previousPrevious, &previous)
            swap(&previous, &current)
        }
        return previous[right.count]
    }
}

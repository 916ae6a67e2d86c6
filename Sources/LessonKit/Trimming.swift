extension StringProtocol {
    /// The text without leading and trailing white space (spaces, tabs, line ends, the ideographic space a
    /// Chinese input method types), without Foundation, which the tutor does not link.
    public func trimmingWhitespace() -> String {
        var start = startIndex
        var end = endIndex
        while start < end, self[start].isWhitespace { formIndex(after: &start) }
        while end > start, self[index(before: end)].isWhitespace { formIndex(before: &end) }
        return String(self[start..<end])
    }
}

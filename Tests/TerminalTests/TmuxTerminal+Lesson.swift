import Testing

extension TmuxTerminal {
    /// From the tutor's menu, moves the cursor to the lesson titled `title` and opens it; returns the screen at
    /// its first step.
    @discardableResult
    func openLesson(titled title: String = "The three-way handshake") throws -> [String] {
        let menu = try waitFor(title)
        let target = try #require(menu.firstIndex { $0.contains(title) })
        let selected = try #require(menu.firstIndex { $0.hasPrefix(" >") })
        for _ in 0..<abs(target - selected) { try send(target > selected ? "Down" : "Up") }
        try waitFor("the selection on \(title)") { lines in
            lines.count > target && lines[target].hasPrefix(" >")
        }
        try send("Enter")
        return try waitFor("step 1") { lines in lines.contains { $0.contains("Step 1 of") || $0.contains("第 1 步") } }
    }
}

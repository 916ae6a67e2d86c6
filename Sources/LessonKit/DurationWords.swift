/// The ways narration may name a duration (`1 s`, `1 second`, `one second`, `1秒`, `1000 ms`): a `time`
/// question's answer, which narration shown before the question must not give away (TEACHING.md rule 12).
enum DurationWords {
    static let numberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

    static func spellings(_ milliseconds: UInt64) -> [String] {
        var words = ["\(milliseconds) ms", "\(milliseconds)ms", "\(milliseconds)毫秒", "\(milliseconds) 毫秒"]
        let units: [(size: UInt64, short: String, long: String, zh: String)] = [
            (1000, "s", "second", "秒"), (60_000, "min", "minute", "分钟"), (3_600_000, "h", "hour", "小时"),
        ]
        for unit in units where milliseconds >= unit.size && milliseconds % unit.size == 0 {
            let count = milliseconds / unit.size
            let long = count == 1 ? unit.long : unit.long + "s"
            words += ["\(count) \(unit.short)", "\(count)\(unit.short)", "\(count) \(long)", "\(count)\(unit.zh)"]
            words.append("\(count) \(unit.zh)")
            if count < UInt64(numberWords.count) {
                let word = numberWords[Int(count)]
                words += [word + " " + long, word.prefix(1).uppercased() + word.dropFirst() + " " + long]
            }
        }
        return words
    }
}

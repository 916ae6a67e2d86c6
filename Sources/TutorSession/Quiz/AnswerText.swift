/// Text helpers shared by the answer parsers.
enum AnswerText {
    /// Folds what a Chinese input method types for ASCII punctuation and digits (full-width forms, the
    /// ideographic full stop for tcpdump's '.', the minus sign) into ASCII, one character for one, so
    /// columns stay valid.
    static func normalized(_ text: String) -> String {
        String(
            text.map { character -> Character in
                switch character {
                case "。", "．": "."
                case "，", "、": ","
                case "＋": "+"
                case "－", "−": "-"
                case "／": "/"
                case "＝": "="
                case "：": ":"
                case "　": " "
                case "＿": "_"
                default:
                    if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                        (0xFF10...0xFF19).contains(scalar.value) || (0xFF21...0xFF3A).contains(scalar.value)
                            || (0xFF41...0xFF5A).contains(scalar.value)
                    {
                        Character(Unicode.Scalar(scalar.value - 0xFEE0)!)
                    } else {
                        character
                    }
                }
            })
    }
}

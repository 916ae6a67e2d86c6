import TimelineKit

/// How a binding names its keys and says what they do, in English and Chinese.
public struct KeyLabel: Sendable {
    /// The keys as the student reads them: `Right, Space, PgDn`.
    public let keys: LocalizedText
    public let text: LocalizedText

    public init(_ keys: String, _ en: String, _ zh: String) {
        self.keys = LocalizedText(en: keys, zh: keys)
        self.text = LocalizedText(en: en, zh: zh)
    }

    /// A label whose keys are named in words that differ by language (`Space`, `空格`).
    public init(keys: LocalizedText, _ en: String, _ zh: String) {
        self.keys = keys
        self.text = LocalizedText(en: en, zh: zh)
    }

    /// The `l` key's label in the key bar: the other language, named in itself.
    static let otherLanguage = KeyLabel("l", "中文", "English")
    /// The `l` key's line in the help.
    static let languageHelp = KeyLabel("l", "English / Chinese", "英文 / 中文")
}

/// One binding, as in Bubble Tea's key bindings: the keys, the action they stand for in their mode, a short label
/// for the key bar and a longer line for the `?` help. Either label may be absent: a binding kept off the bar
/// (Home, End) or out of the help (`?` itself, which the help need not explain).
public struct KeyBinding<Action: Hashable & Sendable>: Sendable {
    public let action: Action
    public let keys: [Key]
    public let bar: KeyLabel?
    public let help: KeyLabel?

    public init(_ action: Action, _ keys: [Key], bar: KeyLabel? = nil, help: KeyLabel? = nil) {
        self.action = action
        self.keys = keys
        self.bar = bar
        self.help = help
    }
}

extension KeyBinding {
    /// `l`: the other language, in every mode that has one.
    static func languageSwitch(_ action: Action) -> KeyBinding {
        KeyBinding(action, Key.letter("l"), bar: .otherLanguage, help: .languageHelp)
    }

    /// `?`: this mode's help (not listed in the help itself, which is open when it is read).
    static func helpScreen(_ action: Action) -> KeyBinding { KeyBinding(action, [.help]) }
}

/// The keys of one mode: the one place a key press becomes an action, and the source of the mode's key bar
/// and `?` help, so that what a key does and what the screen says it does cannot drift apart.
public struct KeyMap<Action: Hashable & Sendable>: Sendable {
    public let bindings: [KeyBinding<Action>]
    /// The key bar's order when it differs from the help's (the most needed first: a narrow bar shows a prefix).
    let barOrder: [Action]?

    public init(_ bindings: [KeyBinding<Action>], barOrder: [Action]? = nil) {
        self.bindings = bindings
        self.barOrder = barOrder
    }

    /// What `key` does in this mode; nil when it does nothing here.
    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// The `?` help's lines: the keys and what they do, in binding order.
    public func helpLines(_ language: Language) -> [(key: String, action: String)] {
        bindings.compactMap { $0.help.map { ($0.keys.text(language), $0.text.text(language)) } }
    }

    /// The key bar's items: short names and labels.
    public func barItems(_ language: Language) -> [(key: String, action: String)] {
        var shown = bindings.filter { $0.bar != nil }
        if let barOrder {
            shown.sort { (barOrder.firstIndex(of: $0.action) ?? .max) < (barOrder.firstIndex(of: $1.action) ?? .max) }
        }
        return shown.compactMap { $0.bar.map { ($0.keys.text(language), $0.text.text(language)) } }
    }
}

extension Key {
    /// A letter key, either case: `q` and `Q` do the same (Caps Lock on).
    static func letter(_ letter: Character) -> [Key] {
        let lower = Character(letter.lowercased())
        let upper = Character(letter.uppercased())
        return lower == upper ? [.character(lower)] : [.character(lower), .character(upper)]
    }

    /// `?`: the help, in every mode.
    static let help = Key.character("?")
    /// Tab, which arrives as a character.
    static let tab = Key.character("\t")
}

/// The `?` help over any screen: any key closes it, and a key other than those that close dialogs (Esc, Enter,
/// `?`, `q`) then does what it does on the screen, so a clicker's step or a typed letter is not lost.
enum HelpClosing {
    static func keyActsAfterClosing(_ key: Key) -> Bool {
        ![Key.escape, .enter, .help, .character("q"), .character("Q")].contains(key)
    }
}

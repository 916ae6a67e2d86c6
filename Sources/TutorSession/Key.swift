/// A key press as the session understands it, independent of any terminal library.
public enum Key: Hashable, Sendable {
    case left
    case right
    case up
    case down
    case pageUp
    case pageDown
    case home
    case end
    case enter
    case escape
    case backspace
    /// The Delete key: removes the character under the cursor of a text field.
    case delete
    /// Shift-Tab: the previous field of a form.
    case backTab
    /// Ctrl-C typed at the keyboard (the terminal runs in raw mode, so it arrives as a key, not a signal).
    case interrupt
    case character(Character)

    /// The space bar, which steps forward like → and PageDown.
    public static let space = Key.character(" ")
}

/// What the session reacts to.
public enum Message: Hashable, Sendable {
    case key(Key)
    /// A clock tick while an animation runs.
    case tick
}

/// What the session asks its front end to do after an update.
public enum Effect: Hashable, Sendable {
    /// The progress book changed: write it to disk (the front end may wait until the student is idle).
    case saveProgress
    /// Leave the program.
    case quit
    /// The key means nothing here.
    case bell
}

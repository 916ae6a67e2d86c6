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

/// What a session reacts to: keys, the clock, and what the runtime's other event sources bring.
public enum Message: Hashable, Sendable {
    case key(Key)
    /// A clock tick while an animation runs.
    case tick
    /// The wall clock reads this many milliseconds since 1970: sent before each key and when idle to a screen
    /// that shows a clock (the exam), which never reads a clock itself.
    case time(Int64)
    /// A lesson finished loading in the background: it replaces the menu entry at `index`.
    case lessonLoaded(index: Int, entry: LessonEntry)
    /// An effect could not be carried out (a disk full, a folder gone): `reason` says why.
    case failed(Effect, reason: String)
    /// The class following the presenter changed: a student joined, left or answered.
    case classroom(ClassroomEvent)
    /// The presenter a student follows moved to this step.
    case classStep(ClassStep)
}

/// What the session asks its runtime to do after an update. Sessions do no I/O: writing is asked for here.
public enum Effect: Hashable, Sendable {
    /// The progress book changed: write it to disk (the runtime may wait until the student is idle).
    case saveProgress(ProgressBook)
    /// Append these entries to the exam log, in order, before the next key is read: an answer is not given
    /// until it is on disk.
    case appendToExamLog([ExamLogEntry])
    /// Write a lesson file (the sandbox's `save FILE`), atomically, before the next key is read.
    case writeLesson(path: String, text: String)
    /// The presenter moved: every follower's screen should show this step.
    case showClassStep(ClassStep)
    /// A follower answered the question on stop `position`: the presenter should have it.
    case sendClassAnswer(position: Int, QuizAnswer)
    /// Leave the program.
    case quit

    /// Whether the runtime may put the effect off until the student is idle (only the latest of a kind is
    /// carried out then); the others are carried out before the next key is read.
    public var mayWait: Bool {
        switch self {
        case .saveProgress: true
        case .appendToExamLog, .writeLesson, .showClassStep, .sendClassAnswer, .quit: false
        }
    }

    /// Whether `other` asks for the same thing, so that the later one replaces the earlier while waiting.
    public func isSameKind(as other: Effect) -> Bool {
        switch (self, other) {
        case (.saveProgress, .saveProgress), (.appendToExamLog, .appendToExamLog), (.showClassStep, .showClassStep),
            (.sendClassAnswer, .sendClassAnswer), (.quit, .quit):
            true
        default: false
        }
    }
}

extension [Effect] {
    /// The effects with their saves made one, of `book` as the update left it, where the last save was: a
    /// save asked for mid-update would otherwise carry a book that changed after it.
    func savingLatest(_ book: ProgressBook) -> [Effect] {
        guard let last = lastIndex(where: { $0.isSameKind(as: .saveProgress(book)) }) else { return self }
        return indices.compactMap { index in
            if index == last { return .saveProgress(book) }
            return self[index].isSameKind(as: .saveProgress(book)) ? nil : self[index]
        }
    }
}

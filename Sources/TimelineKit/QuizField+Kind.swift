/// A quiz keeps score by the field asked (`QuestionKind` in TutorSession): the fields are stored by name in the
/// progress book and listed in the order they are declared.
extension QuizField: Codable, CodingKeyRepresentable, Comparable {
    public static func < (lhs: QuizField, rhs: QuizField) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

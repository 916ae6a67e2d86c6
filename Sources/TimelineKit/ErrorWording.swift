import TCPCore

extension EndpointError {
    /// What the application is told, in both languages (RFC 9293 §3.10 names each error): one wording for the
    /// tutor's screens, the printed timeline and a capture's narration.
    public var wording: LocalizedText {
        let zh: String =
            switch self {
            case .connectionExists: "连接已存在"
            case .connectionDoesNotExist: "连接不存在"
            case .connectionClosing: "连接正在关闭"
            case .connectionRefused: "连接被拒绝"
            case .connectionReset: "连接被重置"
            case .userTimeout: "用户超时，连接中止"
            case .connectionTimedOut: "连接超时"
            case .insufficientResources: "资源不足"
            }
        return LocalizedText(en: rawValue, zh: zh)
    }
}

package scripts

// notJD marks scripts that address the buyer as 亲, which JD forbids.
var notJD = []Platform{Taobao, Doudian, PDD, Generic}

// builtin is the default phrasebook, written for huashu.
var builtin = []Script{
	// Greet
	{ID: "greet-1", Scenario: Greet, Text: "您好，欢迎光临本店，请问有什么可以帮您？"},
	{ID: "greet-2", Scenario: Greet, Text: "您好，我是本店客服，很高兴为您服务，请问您想了解哪款商品？"},
	{ID: "greet-3", Scenario: Greet, Text: "您好，让您久等了，我这就来看您的问题。"},
	{ID: "greet-4", Scenario: Greet, Platforms: notJD, Text: "亲，您好，欢迎光临，有什么需要尽管问我哦。"},
	{ID: "greet-5", Scenario: Greet, Types: []CustomerType{Quiet}, Text: "您好，您慢慢看，有任何疑问随时告诉我，我一直在。"},

	// Appease
	{ID: "appease-1", Scenario: Appease, Text: "您好，非常抱歉给您添麻烦了，请您先消消气，这个问题我来帮您处理。"},
	{ID: "appease-2", Scenario: Appease, Text: "我非常理解您现在的心情，换作是我也会着急，我们一起把问题解决好。"},
	{ID: "appease-3", Scenario: Appease, Types: []CustomerType{Aggressive}, Text: "您的意见我都记下了，请您放心，我现在就为您跟进，不会让您白等。"},
	{ID: "appease-4", Scenario: Appease, Text: "您反映的情况对我们改进服务很重要，谢谢您愿意告诉我们。"},
	{ID: "appease-5", Scenario: Appease, Types: []CustomerType{Aggressive}, Text: "刚才的沟通让您不愉快了，真的很抱歉，请您告诉我现在最需要我们做什么。"},
	{ID: "appease-6", Scenario: Appease, Types: []CustomerType{Habitual}, Text: "您之前反馈的问题我们都有记录，这次我会亲自盯到底，直到您满意为止。"},
	{ID: "appease-7", Scenario: Appease, Platforms: notJD, Text: "亲，别着急，您的问题我已经在处理了，请给我一点时间。"},

	// Apologise
	{ID: "apologise-1", Scenario: Apologise, Text: "给您带来这样的体验，我们非常抱歉，这是我们的疏忽。"},
	{ID: "apologise-2", Scenario: Apologise, Text: "商品出现问题让您失望了，实在对不起，我们会负责到底。"},
	{ID: "apologise-3", Scenario: Apologise, Text: "为您遇到的问题向您郑重道歉，也感谢您的耐心。"},
	{ID: "apologise-4", Scenario: Apologise, Types: []CustomerType{Quiet}, Text: "很抱歉让您费心了，您不用担心，后续的事情交给我们来办。"},
	{ID: "apologise-5", Scenario: Apologise, Text: "发货出了差错是我们的责任，非常抱歉耽误了您的时间。"},

	// Confirm the need
	{ID: "confirm-1", Scenario: ConfirmNeed, Text: "为了不出错，我跟您确认一下：您希望{solution}，对吗？"},
	{ID: "confirm-2", Scenario: ConfirmNeed, Text: "请您告诉我具体发生了什么，我好准确地帮您处理。"},
	{ID: "confirm-3", Scenario: ConfirmNeed, Text: "我归纳一下需要为您做的事情，您看看有没有遗漏。"},
	{ID: "confirm-4", Scenario: ConfirmNeed, Types: []CustomerType{Quiet}, Text: "您还有哪些地方觉得不合适或不满意，都可以告诉我，我一并处理。"},
	{ID: "confirm-5", Scenario: ConfirmNeed, Text: "麻烦您拍一张商品和包装的照片发给我，我马上帮您核实。"},
	{ID: "confirm-6", Scenario: ConfirmNeed, Types: []CustomerType{Habitual}, Text: "您觉得怎样处理对您来说更合适？您说说您的想法。"},

	// Explain a limit
	{ID: "limit-1", Scenario: ExplainLimit, Text: "您好，非常抱歉，由于{reason}，暂时无法按您的要求处理，我们能为您做的是{solution}，您看可以吗？"},
	{ID: "limit-2", Scenario: ExplainLimit, Text: "这个要求超出了我的权限，不过我可以帮您向主管申请，请您稍等。"},
	{ID: "limit-3", Scenario: ExplainLimit, Text: "很抱歉，{reason}决定了这一点我们没办法改，但{solution}是可以的。"},
	{ID: "limit-4", Scenario: ExplainLimit, Text: "运费是由快递公司收取的，我这边帮您申请一张优惠券作为补偿，您看好吗？"},
	{ID: "limit-5", Scenario: ExplainLimit, Types: []CustomerType{Habitual}, Text: "我理解您的要求，按照{reason}只能这样处理，我会尽量在规则之内为您争取。"},

	// Offer options
	{ID: "options-1", Scenario: OfferOptions, Text: "我们可以为您补发，也可以直接退款，您更倾向哪一种？"},
	{ID: "options-2", Scenario: OfferOptions, Text: "这里有两个办法：一是换新，二是部分退款，您看哪个更方便？"},
	{ID: "options-3", Scenario: OfferOptions, Text: "您可以选择{solution}，我们也可以按您的想法再商量。"},
	{ID: "options-4", Scenario: OfferOptions, Types: []CustomerType{Aggressive}, Text: "为了尽快解决，我给您两个方案，您选一个，我立刻安排。"},
	{ID: "options-5", Scenario: OfferOptions, Types: []CustomerType{Quiet}, Text: "您可以先考虑一下，不着急，决定好了告诉我就行。"},
	{ID: "options-6", Scenario: OfferOptions, Text: "如果您不想再等，可以先申请退款，到货后再决定是否重新下单。"},

	// Promise a follow-up with a time
	{ID: "followup-1", Scenario: PromiseFollowUp, Text: "我立即核查您反馈的情况，{minutes}分钟内给您答复。"},
	{ID: "followup-2", Scenario: PromiseFollowUp, Text: "已经帮您联系仓库，预计{minutes}分钟内有结果，我会第一时间告诉您。"},
	{ID: "followup-3", Scenario: PromiseFollowUp, Text: "这件事我记下了，今天之内一定给您回复，请您留意消息。"},
	{ID: "followup-4", Scenario: PromiseFollowUp, Types: []CustomerType{Aggressive}, Text: "我现在就去处理，{minutes}分钟后主动联系您，不用您再来催。"},
	{ID: "followup-5", Scenario: PromiseFollowUp, Text: "我已经把问题反馈给相关同事，有进展会马上在这里通知您。"},

	// Escalate / hand over
	{ID: "escalate-1", Scenario: Escalate, Text: "您好，我是店铺主管，刚刚看到您和我们的客服沟通得不太愉快，请问有什么问题，我来帮您解决。"},
	{ID: "escalate-2", Scenario: Escalate, Text: "这个问题我请主管来为您处理，他有更多权限，请您稍等一下。"},
	{ID: "escalate-3", Scenario: Escalate, Types: []CustomerType{Aggressive}, Text: "您的问题很重要，我已经转给主管，主管会在{minutes}分钟内亲自联系您。"},
	{ID: "escalate-4", Scenario: Escalate, Types: []CustomerType{Habitual}, Text: "我把您之前和这次的情况一起交给主管，由主管统一给您一个答复。"},
	{ID: "escalate-5", Scenario: Escalate, Text: "为了更快解决，我请售后专员接手，专员会在这里继续和您沟通。"},

	// Civility reminder
	{ID: "civility-1", Scenario: CivilityReminder, Text: "您好，我们很想帮您解决问题，也请您注意文明用语，我们一起把事情处理好。"},
	{ID: "civility-2", Scenario: CivilityReminder, Types: []CustomerType{Aggressive}, Text: "我理解您很生气，请您平复一下心情，告诉我您的具体诉求，我来帮您。"},
	{ID: "civility-3", Scenario: CivilityReminder, Text: "为了更好地为您服务，请您文明沟通，您目前有什么问题或需求，我来帮您解决。"},
	{ID: "civility-4", Scenario: CivilityReminder, Text: "请您不要着急，也请注意措辞，我们把问题说清楚，解决起来会更快。"},

	// Stay on the platform
	{ID: "platform-1", Scenario: StayOnPlatform, Text: "为了保障您的权益，我们只在平台内沟通和交易，有问题直接在这里留言就好。"},
	{ID: "platform-2", Scenario: StayOnPlatform, Text: "付款请通过平台下单完成，平台会全程保障您的资金安全。"},
	{ID: "platform-3", Scenario: StayOnPlatform, Text: "您的订单信息可以在订单详情页查看，我们不会通过其他渠道索要或发送个人信息。"},
	{ID: "platform-4", Scenario: StayOnPlatform, Text: "售后问题可以直接在订单页申请，我在这里全程跟进。"},
	{ID: "platform-5", Scenario: StayOnPlatform, Text: "商品的效果因人而异，我们会如实为您介绍，您可以参考商品详情和评价。"},
	{ID: "platform-6", Scenario: StayOnPlatform, Text: "我们欢迎您根据真实体验做出评价，有任何不满意请先告诉我们，我们会尽力解决。"},

	// Closing
	{ID: "closing-1", Scenario: Closing, Text: "请问还有其他需要我帮忙的吗？"},
	{ID: "closing-2", Scenario: Closing, Text: "感谢您的耐心和理解，祝您生活愉快！"},
	{ID: "closing-3", Scenario: Closing, Text: "问题已经为您处理好了，之后有任何疑问随时来找我。"},
	{ID: "closing-4", Scenario: Closing, Platforms: notJD, Text: "亲，感谢您的支持，祝您购物愉快，再见啦。"},
	{ID: "closing-5", Scenario: Closing, Types: []CustomerType{Quiet}, Text: "如果之后想到别的问题，随时留言，我看到会马上回复您。"},

	// Follow-up visit
	{ID: "visit-1", Scenario: FollowUpVisit, Text: "您好，上次您反馈的问题已经处理完毕，请问对处理结果满意吗？"},
	{ID: "visit-2", Scenario: FollowUpVisit, Text: "您好，补发的商品已经签收了吗？使用中有任何问题都可以告诉我。"},
	{ID: "visit-3", Scenario: FollowUpVisit, Types: []CustomerType{Habitual}, Text: "您好，您之前提的建议我们已经采纳并改进了，想听听您现在的感受。"},
	{ID: "visit-4", Scenario: FollowUpVisit, Text: "您好，退款已经原路退回，请您留意到账情况，有问题随时联系我。"},
	{ID: "visit-5", Scenario: FollowUpVisit, Types: []CustomerType{Quiet}, Text: "您好，打扰一下，想确认您的问题是否已经完全解决，还有什么我们能做的吗？"},
	{ID: "visit-6", Scenario: FollowUpVisit, Platforms: notJD, Text: "亲，您的售后已经完成，还有什么不满意的地方请一定告诉我们。"},
}

package compliance

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestReportedSpeech(t *testing.T) {
	c := mustNew(t, WithPlatform(Taobao))
	// The buyer's or someone else's words, quoted after a verb of saying.
	for _, s := range []string{
		`您说“垃圾客服，什么都不管”，我理解您现在很着急，退款已经加急处理了。`,
		`宝子，您说「你们就是一群傻子」，我们不生气哈，马上给您补发。`,
		`买家留言"你们都是骗子"，我们已经核实过物流了，是快递延误。`,
		`您刚才问：“你们是不是最好用的？”这个我们不能这么说哈。`,
		`有人在评论里写『垃圾店铺』，其实是发错了颜色，我们已经补发了。`,
	} {
		require.True(t, c.Check(s).Clean(), "%s: %v", s, summarize(c.Check(s)))
	}
	// The agent's own words, quoted or not, and quotations with no speaker.
	for _, s := range []string{
		`我说“你是不是傻”，听不懂吗？`,
		`我们的口号就是“全网最低价”，放心买。`,
		`“垃圾”说的就是你这种人。`,
		`您说"好的"，那你就是个傻子。`,
		`你说你是不是傻子`,
		`我跟您说“爱退不退”，就这样。`,
	} {
		require.False(t, c.Check(s).Clean(), "%s", s)
	}
}

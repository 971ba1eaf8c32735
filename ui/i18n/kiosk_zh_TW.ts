<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="zh_CN">
    <context>
        <name>ApplyChoose</name>
        <message>
            <location filename="../qml/screens/ApplyChoose.qml" line="11" />
            <source>请选择要申请的事项</source>
            <translation>請選擇要申請的事項</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyChoose.qml" line="12" />
            <source>请点您要申请的事项</source>
            <translation>請點您要申請的事項</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyChoose.qml" line="20" />
            <source>以下事项可以在本机直接申请，点一下开始填写</source>
            <translation>以下事項可以在本機直接申請，點一下開始填寫</translation>
        </message>
    </context>
    <context>
        <name>ApplyFor</name>
        <message>
            <location filename="../qml/screens/ApplyFor.qml" line="15" />
            <source>为谁办理</source>
            <translation>為誰辦理</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyFor.qml" line="16" />
            <source>请输入申请人的姓名和身份证号。选择您和他的关系，再点“下一步”。</source>
            <translation>請輸入申請人的姓名和身份證號。選擇您和他的關係，再點“下一步”。</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyFor.qml" line="17" />
            <source>请选择：为自己办理，还是替家人代办</source>
            <translation>請選擇：為自己辦理，還是替家人代辦</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyFor.qml" line="19" />
            <source>有 %1 项需要修改，请看红色提示</source>
            <translation>有 %1 項需要修改，請看紅色提示</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyFor.qml" line="107" />
            <source>这个事项可以由家人或他人代办。代办时，您刚才核验的是代办人（您自己）的身份。</source>
            <translation>這個事項可以由家人或他人代辦。代辦時，您剛才核驗的是代辦人（您自己）的身份。</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyFor.qml" line="124" />
            <source>本人办理</source>
            <translation>本人辦理</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyFor.qml" line="124" />
            <source>为自己申请</source>
            <translation>為自己申請</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyFor.qml" line="125" />
            <source>本人办理，为自己申请</source>
            <translation>本人辦理，為自己申請</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyFor.qml" line="134" />
            <source>为他人代办</source>
            <translation>為他人代辦</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyFor.qml" line="134" />
            <source>替家人或他人申请</source>
            <translation>替家人或他人申請</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyFor.qml" line="135" />
            <source>为他人代办，替家人或他人申请</source>
            <translation>為他人代辦，替家人或他人申請</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyFor.qml" line="156" />
            <source>请按申请人（被代办人）身份证上的信息填写。提交前还要拍摄申请人签名的授权委托书。</source>
            <translation>請按申請人（被代辦人）身份證上的信息填寫。提交前還要拍攝申請人簽名的授權委託書。</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyFor.qml" line="163" />
            <location filename="../qml/screens/ApplyFor.qml" line="167" />
            <source>申请人姓名</source>
            <translation>申請人姓名</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyFor.qml" line="169" />
            <source>与身份证上一致</source>
            <translation>與身份證上一致</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyFor.qml" line="173" />
            <location filename="../qml/screens/ApplyFor.qml" line="177" />
            <source>申请人身份证号</source>
            <translation>申請人身份證號</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyFor.qml" line="179" />
            <source>18位，最后一位可能是X</source>
            <translation>18位，最後一位可能是X</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyFor.qml" line="184" />
            <source>您是申请人的</source>
            <translation>您是申請人的</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyFor.qml" line="197" />
            <source>关系：%1</source>
            <translation>關係：%1</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyFor.qml" line="203" />
            <source>申请人手机号（选填）</source>
            <translation>申請人手機號（選填）</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyFor.qml" line="207" />
            <source>申请人手机号，选填</source>
            <translation>申請人手機號，選填</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyFor.qml" line="209" />
            <source>11位手机号码</source>
            <translation>11位手機號碼</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyFor.qml" line="223" />
            <source>下一步：填写申请表</source>
            <translation>下一步：填寫申請表</translation>
        </message>
    </context>
    <context>
        <name>ApplyForm</name>
        <message>
            <location filename="../qml/screens/ApplyForm.qml" line="18" />
            <source>填写申请表</source>
            <translation>填寫申請表</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyForm.qml" line="64" />
            <source>例如 2024-05-01</source>
            <translation>例如 2024-05-01</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyForm.qml" line="64" />
            <source>11位手机号码</source>
            <translation>11位手機號碼</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyForm.qml" line="65" />
            <source>金额，单位元</source>
            <translation>金額，單位元</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyForm.qml" line="103" />
            <source>这是为他人代办的申请。灰色底的信息是您上一步为申请人填写的。要修改，请返回上一步。其他各项请按申请人的情况填写或选择。</source>
            <translation>這是為他人代辦的申請。灰色底的信息是您上一步為申請人填寫的。要修改，請返回上一步。其他各項請按申請人的情況填寫或選擇。</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyForm.qml" line="104" />
            <source>灰色底的信息来自您的身份证，不能修改；其他各项请填写或选择。</source>
            <translation>灰色底的信息來自您的身份證，不能修改；其他各項請填寫或選擇。</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyForm.qml" line="49" />
            <location filename="../qml/screens/ApplyForm.qml" line="79" />
            <source>有 %1 项需要修改，请看红色提示</source>
            <translation>有 %1 項需要修改，請看紅色提示</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyForm.qml" line="19" />
            <source>填写申请表。请逐项填好，再点“下一步”</source>
            <translation>填寫申請表。請逐項填好，再點“下一步”</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyForm.qml" line="129" />
            <source>（选填）</source>
            <translation>（選填）</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyForm.qml" line="157" />
            <source>来自身份证，不可修改</source>
            <translation>來自身份證，不可修改</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyForm.qml" line="157" />
            <source>上一步已填写</source>
            <translation>上一步已填寫</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyForm.qml" line="203" />
            <source>是</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyForm.qml" line="203" />
            <source>否</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../qml/screens/ApplyForm.qml" line="251" />
            <source>下一步：核对信息</source>
            <translation>下一步：核對信息</translation>
        </message>
    </context>
    <context>
        <name>Attract</name>
        <message>
            <location filename="../qml/screens/Attract.qml" line="49" />
            <source>政务服务自助终端</source>
            <translation>政務服務自助終端</translation>
        </message>
        <message>
            <location filename="../qml/screens/Attract.qml" line="68" />
            <source>办事指南 · 证件办理 · 查进度 · 打证明 · 取号</source>
            <translation>辦事指南 · 證件辦理 · 查進度 · 打證明 · 取號</translation>
        </message>
        <message>
            <location filename="../qml/screens/Attract.qml" line="91" />
            <source>现在是非办公时间，暂停受理申请。请在办公时间再来。</source>
            <translation>現在是非辦公時間，暫停受理申請。請在辦公時間再來。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Attract.qml" line="101" />
            <source>办公时间：%1</source>
            <translation>辦公時間：%1</translation>
        </message>
        <message>
            <location filename="../qml/screens/Attract.qml" line="111" />
            <source>下次开放：%1</source>
            <translation>下次開放：%1</translation>
        </message>
        <message>
            <location filename="../qml/screens/Attract.qml" line="119" />
            <source>仍可使用：办事指南、进度查询</source>
            <translation>仍可使用：辦事指南、進度查詢</translation>
        </message>
        <message>
            <location filename="../qml/screens/Attract.qml" line="172" />
            <source>标准版</source>
            <translation>標準版</translation>
        </message>
        <message>
            <location filename="../qml/screens/Attract.qml" line="162" />
            <location filename="../qml/screens/Attract.qml" line="179" />
            <source>开始</source>
            <translation>開始</translation>
        </message>
        <message>
            <location filename="../qml/screens/Attract.qml" line="163" />
            <location filename="../qml/screens/Attract.qml" line="187" />
            <source>请触摸屏幕开始</source>
            <translation>請觸摸螢幕開始</translation>
        </message>
        <message>
            <location filename="../qml/screens/Attract.qml" line="224" />
            <location filename="../qml/screens/Attract.qml" line="242" />
            <source>长辈版</source>
            <translation>長輩版</translation>
        </message>
        <message>
            <location filename="../qml/screens/Attract.qml" line="233" />
            <location filename="../qml/screens/Attract.qml" line="243" />
            <source>大字 + 语音，不限时</source>
            <translation>大字 + 語音，不限時</translation>
        </message>
        <message>
            <location filename="../qml/screens/Attract.qml" line="273" />
            <source>读卡器上有身份证，请取走</source>
            <translation>讀卡器上有身份證，請取走</translation>
        </message>
        <message>
            <location filename="../qml/screens/Attract.qml" line="285" />
            <source>点屏幕开始办事</source>
            <translation>點螢幕開始辦事</translation>
        </message>
        <message>
            <location filename="../qml/screens/Attract.qml" line="293" />
            <source>终端编号 %1 · 服务热线 %2</source>
            <translation>終端編號 %1 · 服務熱線 %2</translation>
        </message>
        <message>
            <location filename="../qml/screens/Attract.qml" line="302" />
            <source>工作人员入口：长按三秒</source>
            <translation>工作人員入口：長按三秒</translation>
        </message>
    </context>
    <context>
        <name>Capture</name>
        <message>
            <location filename="../qml/screens/Capture.qml" line="10" />
            <source>材料拍照</source>
            <translation>材料拍照</translation>
        </message>
        <message>
            <location filename="../qml/screens/Capture.qml" line="11" />
            <source>材料拍照。请把材料放在摄像头下，再点“拍照”</source>
            <translation>材料拍照。請把材料放在攝像頭下，再點“拍照”</translation>
        </message>
        <message>
            <location filename="../qml/screens/Capture.qml" line="34" />
            <source>把材料平放在摄像头下方。整页都要在画面里，字要看得清。再点“拍照”。多页请逐页拍。</source>
            <translation>把材料平放在攝像頭下方。整頁都要在畫面裡，字要看得清。再點“拍照”。多頁請逐頁拍。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Capture.qml" line="63" />
            <source>正在打开摄像头…</source>
            <translation>正在打開攝像頭…</translation>
        </message>
        <message>
            <location filename="../qml/screens/Capture.qml" line="79" />
            <source>已拍%1张</source>
            <translation>已拍%1張</translation>
        </message>
        <message>
            <location filename="../qml/screens/Capture.qml" line="79" />
            <source>还没有拍</source>
            <translation>還沒有拍</translation>
        </message>
        <message>
            <location filename="../qml/screens/Capture.qml" line="92" />
            <source>删除上一张</source>
            <translation>刪除上一張</translation>
        </message>
        <message>
            <location filename="../qml/screens/Capture.qml" line="99" />
            <source>正在保存…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <location filename="../qml/screens/Capture.qml" line="99" />
            <source>拍照</source>
            <translation>拍照</translation>
        </message>
        <message>
            <location filename="../qml/screens/Capture.qml" line="105" />
            <source>完成</source>
            <translation>完成</translation>
        </message>
    </context>
    <context>
        <name>CardNotice</name>
        <message>
            <location filename="../qml/Kiosk/CardNotice.qml" line="26" />
            <source>读卡成功，请取回身份证</source>
            <translation>讀卡成功，請取回身份證</translation>
        </message>
    </context>
    <context>
        <name>Catalog</name>
        <message>
            <location filename="../qml/screens/Catalog.qml" line="11" />
            <source>取号：选择事项</source>
            <translation>取號：選擇事項</translation>
        </message>
        <message>
            <location filename="../qml/screens/Catalog.qml" line="11" />
            <source>办事指南</source>
            <translation>辦事指南</translation>
        </message>
        <message>
            <location filename="../qml/screens/Catalog.qml" line="12" />
            <source>取号。请点您要办的事项</source>
            <translation>取號。請點您要辦的事項</translation>
        </message>
        <message>
            <location filename="../qml/screens/Catalog.qml" line="12" />
            <source>办事指南。请点一个分类，再点事项</source>
            <translation>辦事指南。請點一個分類，再點事項</translation>
        </message>
        <message>
            <location filename="../qml/screens/Catalog.qml" line="16" />
            <source>常用事项</source>
            <translation>常用事項</translation>
        </message>
        <message>
            <location filename="../qml/screens/Catalog.qml" line="17" />
            <source>按主题</source>
            <translation>按主題</translation>
        </message>
        <message>
            <location filename="../qml/screens/Catalog.qml" line="18" />
            <source>人生事件</source>
            <translation>人生事件</translation>
        </message>
        <message>
            <location filename="../qml/screens/Catalog.qml" line="19" />
            <source>按部门</source>
            <translation>按部門</translation>
        </message>
        <message>
            <location filename="../qml/screens/Catalog.qml" line="33" />
            <source>请选择要办理的事项，在办事指南页点“取号”</source>
            <translation>請選擇要辦理的事項，在辦事指南頁點“取號”</translation>
        </message>
        <message>
            <location filename="../qml/screens/Catalog.qml" line="34" />
            <source>先看清要带的材料，可少跑一趟</source>
            <translation>先看清要帶的材料，可少跑一趟</translation>
        </message>
        <message>
            <location filename="../qml/screens/Catalog.qml" line="41" />
            <source>不确定办什么？取综合咨询号</source>
            <translation>不確定辦什麼？取綜合諮詢號</translation>
        </message>
        <message>
            <location filename="../qml/screens/Catalog.qml" line="50" />
            <location filename="../qml/screens/Catalog.qml" line="63" />
            <source>搜索事项（可输入拼音首字母，如 gjj）</source>
            <translation>搜尋事項（可輸入拼音首字母，如 gjj）</translation>
        </message>
    </context>
    <context>
        <name>CatalogItems</name>
        <message>
            <location filename="../qml/screens/CatalogItems.qml" line="12" />
            <source>请点您要办的事项，查看怎么办</source>
            <translation>請點您要辦的事項，查看怎麼辦</translation>
        </message>
        <message>
            <location filename="../qml/screens/CatalogItems.qml" line="20" />
            <source>共 %1 项，点选查看要带的材料</source>
            <translation>共 %1 項，點選查看要帶的材料</translation>
        </message>
    </context>
    <context>
        <name>Certificates</name>
        <message>
            <location filename="../qml/screens/Certificates.qml" line="12" />
            <source>证明打印</source>
            <translation>證明列印</translation>
        </message>
        <message>
            <location filename="../qml/screens/Certificates.qml" line="13" />
            <source>证明打印。请点您要打印的证明</source>
            <translation>證明列印。請點您要列印的證明</translation>
        </message>
        <message>
            <location filename="../qml/screens/Certificates.qml" line="27" />
            <source>请选择要打印的证明，点一下即出具并打印</source>
            <translation>請選擇要列印的證明，點一下即出具並列印</translation>
        </message>
        <message>
            <location filename="../qml/screens/Certificates.qml" line="40" />
            <source>正在向政务服务平台申请出具证明…</source>
            <translation>正在向政務服務平臺申請出具證明…</translation>
        </message>
        <message>
            <location filename="../qml/screens/Certificates.qml" line="40" />
            <source>正在查询可打印的证明…</source>
            <translation>正在查詢可列印的證明…</translation>
        </message>
        <message>
            <location filename="../qml/screens/Certificates.qml" line="61" />
            <source>想知道申请办到哪一步了，可以查询办理进度。</source>
            <translation>想知道申請辦到哪一步了，可以查詢辦理進度。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Certificates.qml" line="71" />
            <source>查询办理进度</source>
            <translation>查詢辦理進度</translation>
        </message>
        <message>
            <location filename="../qml/screens/Certificates.qml" line="79" />
            <source>返回首页</source>
            <translation>返回首頁</translation>
        </message>
        <message>
            <location filename="../qml/screens/Certificates.qml" line="112" />
            <location filename="../qml/screens/Certificates.qml" line="163" />
            <source>打印</source>
            <translation>列印</translation>
        </message>
        <message>
            <location filename="../qml/screens/Certificates.qml" line="202" />
            <source>证明编号</source>
            <translation>證明編號</translation>
        </message>
        <message>
            <location filename="../qml/screens/Certificates.qml" line="210" />
            <source>出具单位</source>
            <translation>出具單位</translation>
        </message>
        <message>
            <location filename="../qml/screens/Certificates.qml" line="217" />
            <source>出具日期</source>
            <translation>出具日期</translation>
        </message>
        <message>
            <location filename="../qml/screens/Certificates.qml" line="224" />
            <source>验证码</source>
            <translation>驗證碼</translation>
        </message>
        <message>
            <location filename="../qml/screens/Certificates.qml" line="236" />
            <source>证明内容含您的个人信息，只打印在纸上，不在屏幕上显示。</source>
            <translation>證明內容含您的個人信息，只列印在紙上，不在螢幕上顯示。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Certificates.qml" line="250" />
            <source>正在打印…</source>
            <translation>正在列印…</translation>
        </message>
        <message>
            <location filename="../qml/screens/Certificates.qml" line="261" />
            <source>证明已打印，请从出纸口取走。可凭验证码核验真伪。</source>
            <translation>證明已列印，請從出紙口取走。可憑驗證碼核驗真偽。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Certificates.qml" line="269" />
            <source>证明已出具，但暂时无法打印。请记下验证码，处理好打印机后点“重新打印”，或请工作人员协助。</source>
            <translation>證明已出具，但暫時無法列印。請記下驗證碼，處理好列印機後點“重新列印”，或請工作人員協助。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Certificates.qml" line="278" />
            <source>重新打印</source>
            <translation>重新列印</translation>
        </message>
        <message>
            <location filename="../qml/screens/Certificates.qml" line="284" />
            <source>打印其他证明</source>
            <translation>列印其他證明</translation>
        </message>
        <message>
            <location filename="../qml/screens/Certificates.qml" line="290" />
            <source>完成</source>
            <translation>完成</translation>
        </message>
    </context>
    <context>
        <name>CharacterPad</name>
        <message>
            <location filename="../qml/Kiosk/CharacterPad.qml" line="75" />
            <source>删除</source>
            <translation>刪除</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/CharacterPad.qml" line="82" />
            <source>清空</source>
            <translation>清空</translation>
        </message>
    </context>
    <context>
        <name>Clock</name>
        <message>
            <location filename="../qml/Kiosk/Clock.qml" line="19" />
            <source>星期日</source>
            <translation>星期日</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/Clock.qml" line="19" />
            <source>星期一</source>
            <translation>星期一</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/Clock.qml" line="19" />
            <source>星期二</source>
            <translation>星期二</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/Clock.qml" line="19" />
            <source>星期三</source>
            <translation>星期三</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/Clock.qml" line="20" />
            <source>星期四</source>
            <translation>星期四</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/Clock.qml" line="20" />
            <source>星期五</source>
            <translation>星期五</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/Clock.qml" line="20" />
            <source>星期六</source>
            <translation>星期六</translation>
        </message>
    </context>
    <context>
        <name>ExitConfirm</name>
        <message>
            <location filename="../qml/Kiosk/ExitConfirm.qml" line="30" />
            <location filename="../qml/Kiosk/ExitConfirm.qml" line="39" />
            <source>确定要退出吗？</source>
            <translation>確定要退出嗎？</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/ExitConfirm.qml" line="49" />
            <source>退出后，本机会清除您读取的证件和填写的内容。下次需要重新办理。</source>
            <translation>退出後，本機會清除您讀取的證件和填寫的內容。下次需要重新辦理。</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/ExitConfirm.qml" line="62" />
            <source>确定退出</source>
            <translation>確定退出</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/ExitConfirm.qml" line="16" />
            <location filename="../qml/Kiosk/ExitConfirm.qml" line="69" />
            <source>继续办理</source>
            <translation>繼續辦理</translation>
        </message>
    </context>
    <context>
        <name>FaceCheck</name>
        <message>
            <location filename="../qml/screens/FaceCheck.qml" line="10" />
            <source>人脸核验</source>
            <translation>人臉核驗</translation>
        </message>
        <message>
            <location filename="../qml/screens/FaceCheck.qml" line="11" />
            <source>人脸核验。请看着屏幕，按提示做</source>
            <translation>人臉核驗。請看著螢幕，按提示做</translation>
        </message>
        <message>
            <location filename="../qml/screens/FaceCheck.qml" line="56" />
            <source>请正对摄像头，把脸放进框内</source>
            <translation>請正對攝像頭，把臉放進框內</translation>
        </message>
        <message>
            <location filename="../qml/screens/FaceCheck.qml" line="69" />
            <source>请按提示做动作，以确认是本人在操作</source>
            <translation>請按提示做動作，以確認是本人在操作</translation>
        </message>
        <message>
            <location filename="../qml/screens/FaceCheck.qml" line="70" />
            <source>摘下帽子和口罩，保持光线充足</source>
            <translation>摘下帽子和口罩，保持光線充足</translation>
        </message>
        <message>
            <location filename="../qml/screens/FaceCheck.qml" line="82" />
            <source>第 %1 次，共 %2 次</source>
            <translation>第 %1 次，共 %2 次</translation>
        </message>
        <message>
            <location filename="../qml/screens/FaceCheck.qml" line="102" />
            <source>请到窗口请工作人员协助</source>
            <translation>請到窗口請工作人員協助</translation>
        </message>
        <message>
            <location filename="../qml/screens/FaceCheck.qml" line="119" />
            <source>再试一次</source>
            <translation>再試一次</translation>
        </message>
        <message>
            <location filename="../qml/screens/FaceCheck.qml" line="125" />
            <source>请工作人员核验身份</source>
            <translation>請工作人員核驗身份</translation>
        </message>
        <message>
            <location filename="../qml/screens/FaceCheck.qml" line="135" />
            <source>返回首页</source>
            <translation>返回首頁</translation>
        </message>
    </context>
    <context>
        <name>FacePreview</name>
        <message>
            <location filename="../qml/Kiosk/FacePreview.qml" line="33" />
            <source>正在打开摄像头…</source>
            <translation>正在打開攝像頭…</translation>
        </message>
    </context>
    <context>
        <name>Glossary</name>
        <message>
            <location filename="../qml/screens/Glossary.qml" line="11" />
            <source>词语解释</source>
            <translation>詞語解釋</translation>
        </message>
        <message>
            <location filename="../qml/screens/Glossary.qml" line="12" />
            <source>词语解释。这里用平常的话说明办事常见的词，看完请点返回</source>
            <translation>詞語解釋。這裡用平常的話說明辦事常見的詞，看完請點返回</translation>
        </message>
    </context>
    <context>
        <name>GroupTile</name>
        <message>
            <location filename="../qml/Kiosk/GroupTile.qml" line="49" />
            <source>%1 项</source>
            <translation>%1 項</translation>
        </message>
    </context>
    <context>
        <name>Guide</name>
        <message>
            <location filename="../qml/screens/Guide.qml" line="12" />
            <source>事项已更新</source>
            <translation>事項已更新</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="268" />
            <source>该事项已调整，请返回重新查找。</source>
            <translation>該事項已調整，請返回重新查找。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="117" />
            <source>对象：%1</source>
            <translation>對象：%1</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="160" />
            <source>办理条件</source>
            <translation>辦理條件</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="168" />
            <source>需要带的材料（共 %1 项）</source>
            <translation>需要帶的材料（共 %1 項）</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="99" />
            <source>仅以下情况需要：%1</source>
            <translation>僅以下情況需要：%1</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="13" />
            <source>这是办事指南。可以打印材料清单，或者取号</source>
            <translation>這是辦事指南。可以列印材料清單，或者取號</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="102" />
            <source>样例：%1</source>
            <translation>樣例：%1</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="103" />
            <source>可在本机拍照上传</source>
            <translation>可在本機拍照上傳</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="147" />
            <source>在本机只能为自己申请。替他人办理，请到窗口咨询。</source>
            <translation>在本機只能為自己申請。替他人辦理，請到窗口諮詢。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="154" />
            <source>词语解释</source>
            <translation>詞語解釋</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="173" />
            <source>不用带（部门共享获取）</source>
            <translation>不用帶（部門共享獲取）</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="176" />
            <source>收费</source>
            <translation>收費</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="177" />
            <source>不收费</source>
            <translation>不收費</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="179" />
            <source>办理时限</source>
            <translation>辦理時限</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="180" />
            <source>承诺时限：%1</source>
            <translation>承諾時限：%1</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="180" />
            <source>法定时限：%1</source>
            <translation>法定時限：%1</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="182" />
            <source>办理地点</source>
            <translation>辦理地點</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="186" />
            <source>办理时间：%1</source>
            <translation>辦理時間：%1</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="187" />
            <source>咨询电话：%1</source>
            <translation>諮詢電話：%1</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="190" />
            <source>办理依据</source>
            <translation>辦理依據</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="223" />
            <source>打印机暂不可用。请点“打印材料清单”，用手机扫描显示的二维码。</source>
            <translation>列印機暫不可用。請點“列印材料清單”，用手機掃描顯示的QR Code。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="404" />
            <source>还有 %1 项</source>
            <translation>還有 %1 項</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="415" />
            <source>上一页</source>
            <translation>上一頁</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="421" />
            <source>下一页</source>
            <translation>下一頁</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="21" />
            <location filename="../qml/screens/Guide.qml" line="204" />
            <source>材料清单已打印，请从出纸口取走</source>
            <translation>材料清單已列印，請從出紙口取走</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="146" />
            <source>可以由家人或亲友代办。代办人在本机刷自己的身份证，填写申请人的信息。再拍下授权委托书。</source>
            <translation>可以由家人或親友代辦。代辦人在本機刷自己的身份證，填寫申請人的信息。再拍下授權委託書。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="205" />
            <source>未能打印材料清单</source>
            <translation>未能列印材料清單</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="206" />
            <source>正在打印材料清单…</source>
            <translation>正在列印材料清單…</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="217" />
            <source>用手机扫码查看这份办事指南</source>
            <translation>用手機掃碼查看這份辦事指南</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="239" />
            <source>打印材料清单</source>
            <translation>列印材料清單</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="240" />
            <source>正在打印</source>
            <translation>正在列印</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="249" />
            <source>取号（%1 人等候）</source>
            <translation>取號（%1 人等候）</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="249" />
            <source>取号</source>
            <translation>取號</translation>
        </message>
        <message>
            <location filename="../qml/screens/Guide.qml" line="258" />
            <source>在本机申请</source>
            <translation>在本機申請</translation>
        </message>
    </context>
    <context>
        <name>Home</name>
        <message>
            <location filename="../qml/screens/Home.qml" line="15" />
            <source>指</source>
            <translation>指</translation>
        </message>
        <message>
            <location filename="../qml/screens/Home.qml" line="16" />
            <source>办</source>
            <translation>辦</translation>
        </message>
        <message>
            <location filename="../qml/screens/Home.qml" line="17" />
            <source>查</source>
            <translation>查</translation>
        </message>
        <message>
            <location filename="../qml/screens/Home.qml" line="18" />
            <source>印</source>
            <translation>印</translation>
        </message>
        <message>
            <location filename="../qml/screens/Home.qml" line="19" />
            <source>号</source>
            <translation>號</translation>
        </message>
        <message>
            <location filename="../qml/screens/Home.qml" line="20" />
            <source>评</source>
            <translation>評</translation>
        </message>
        <message>
            <location filename="../qml/screens/Home.qml" line="11" />
            <source>这是首页。请点您要办的事，也可以搜索</source>
            <translation>這是首頁。請點您要辦的事，也可以搜尋</translation>
        </message>
        <message>
            <location filename="../qml/screens/Home.qml" line="15" />
            <source>办事指南</source>
            <translation>辦事指南</translation>
        </message>
        <message>
            <location filename="../qml/screens/Home.qml" line="15" />
            <source>查事项、看要带的材料</source>
            <translation>查事項、看要帶的材料</translation>
        </message>
        <message>
            <location filename="../qml/screens/Home.qml" line="16" />
            <source>我要办事</source>
            <translation>我要辦事</translation>
        </message>
        <message>
            <location filename="../qml/screens/Home.qml" line="16" />
            <source>刷身份证，在线申请</source>
            <translation>刷身份證，在線申請</translation>
        </message>
        <message>
            <location filename="../qml/screens/Home.qml" line="17" />
            <source>进度查询</source>
            <translation>進度查詢</translation>
        </message>
        <message>
            <location filename="../qml/screens/Home.qml" line="17" />
            <source>凭受理编号查办理进度</source>
            <translation>憑受理編號查辦理進度</translation>
        </message>
        <message>
            <location filename="../qml/screens/Home.qml" line="18" />
            <source>证明打印</source>
            <translation>證明列印</translation>
        </message>
        <message>
            <location filename="../qml/screens/Home.qml" line="18" />
            <source>打印各类证明材料</source>
            <translation>列印各類證明材料</translation>
        </message>
        <message>
            <location filename="../qml/screens/Home.qml" line="19" />
            <source>取号</source>
            <translation>取號</translation>
        </message>
        <message>
            <location filename="../qml/screens/Home.qml" line="19" />
            <source>领取窗口排队号</source>
            <translation>領取窗口排隊號</translation>
        </message>
        <message>
            <location filename="../qml/screens/Home.qml" line="20" />
            <source>评价</source>
            <translation>評價</translation>
        </message>
        <message>
            <location filename="../qml/screens/Home.qml" line="20" />
            <source>好差评，说说您的感受</source>
            <translation>好差評，說說您的感受</translation>
        </message>
        <message>
            <location filename="../qml/screens/Home.qml" line="36" />
            <source>您好，请选择要办理的业务</source>
            <translation>您好，請選擇要辦理的業務</translation>
        </message>
        <message>
            <location filename="../qml/screens/Home.qml" line="66" />
            <source>搜索事项，如：身份证、公积金、gjj</source>
            <translation>搜尋事項，如：身份證、公積金、gjj</translation>
        </message>
    </context>
    <context>
        <name>Identified</name>
        <message>
            <location filename="../qml/screens/Identified.qml" line="9" />
            <source>身份核验通过</source>
            <translation>身份核驗通過</translation>
        </message>
        <message>
            <location filename="../qml/screens/Identified.qml" line="10" />
            <source>身份核验通过。请点“继续”</source>
            <translation>身份核驗通過。請點“繼續”</translation>
        </message>
        <message>
            <location filename="../qml/screens/Identified.qml" line="36" />
            <source>您的身份已核验</source>
            <translation>您的身份已核驗</translation>
        </message>
        <message>
            <location filename="../qml/screens/Identified.qml" line="59" />
            <source>姓名</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../qml/screens/Identified.qml" line="67" />
            <source>证件号码</source>
            <translation>證件號碼</translation>
        </message>
        <message>
            <location filename="../qml/screens/Identified.qml" line="75" />
            <source>有效期至</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <location filename="../qml/screens/Identified.qml" line="78" />
            <source>长期</source>
            <translation>長期</translation>
        </message>
        <message>
            <location filename="../qml/screens/Identified.qml" line="88" />
            <source>下一步选择要打印的证明</source>
            <translation>下一步選擇要列印的證明</translation>
        </message>
        <message>
            <location filename="../qml/screens/Identified.qml" line="89" />
            <source>下一步查看您名下全部办件的进度</source>
            <translation>下一步查看您名下全部辦件的進度</translation>
        </message>
        <message>
            <location filename="../qml/screens/Identified.qml" line="90" />
            <source>下一步填写申请表，表中信息已按证件预先填好</source>
            <translation>下一步填寫申請表，表中信息已按證件預先填好</translation>
        </message>
        <message>
            <location filename="../qml/screens/Identified.qml" line="101" />
            <source>继续</source>
            <translation>繼續</translation>
        </message>
    </context>
    <context>
        <name>Identify</name>
        <message>
            <location filename="../qml/screens/Identify.qml" line="10" />
            <source>刷身份证</source>
            <translation>刷身份證</translation>
        </message>
        <message>
            <location filename="../qml/screens/Identify.qml" line="11" />
            <source>刷身份证。请将身份证放在读卡区</source>
            <translation>刷身份證。請將身份證放在讀卡區</translation>
        </message>
        <message>
            <location filename="../qml/screens/Identify.qml" line="42" />
            <source>请将身份证放在读卡区</source>
            <translation>請將身份證放在讀卡區</translation>
        </message>
        <message>
            <location filename="../qml/screens/Identify.qml" line="52" />
            <source>照片面朝上，平放不动，读完前请不要拿开</source>
            <translation>照片面朝上，平放不動，讀完前請不要拿開</translation>
        </message>
        <message>
            <location filename="../qml/screens/Identify.qml" line="67" />
            <source>替家人或亲友办理？请刷您自己的身份证，下一步再选“为他人代办”。</source>
            <translation>替家人或親友辦理？請刷您自己的身份證，下一步再選“為他人代辦”。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Identify.qml" line="82" />
            <source>读卡器已就绪</source>
            <translation>讀卡器已就緒</translation>
        </message>
        <message>
            <location filename="../qml/screens/Identify.qml" line="96" />
            <source>过期证件不能在本机办理，请换用有效的证件。</source>
            <translation>過期證件不能在本機辦理，請換用有效的證件。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Identify.qml" line="104" />
            <source>已读取证件：%1</source>
            <translation>已讀取證件：%1</translation>
        </message>
        <message>
            <location filename="../qml/screens/Identify.qml" line="114" />
            <source>继续人脸核验</source>
            <translation>繼續人臉核驗</translation>
        </message>
        <message>
            <location filename="../qml/screens/Identify.qml" line="120" />
            <source>重新放卡</source>
            <translation>重新放卡</translation>
        </message>
    </context>
    <context>
        <name>IdleOverlay</name>
        <message>
            <location filename="../qml/Kiosk/IdleOverlay.qml" line="35" />
            <source>还要继续吗？ %1 秒</source>
            <translation>還要繼續嗎？ %1 秒</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/IdleOverlay.qml" line="45" />
            <source>时间到后将返回首页，并清除您在本机填写的全部信息。</source>
            <translation>時間到後將返回首頁，並清除您在本機填寫的全部信息。</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/IdleOverlay.qml" line="58" />
            <source>结束办理</source>
            <translation>結束辦理</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/IdleOverlay.qml" line="17" />
            <location filename="../qml/Kiosk/IdleOverlay.qml" line="64" />
            <source>继续办理</source>
            <translation>繼續辦理</translation>
        </message>
    </context>
    <context>
        <name>Main</name>
        <message>
            <location filename="../qml/Main.qml" line="20" />
            <source>政务服务自助终端</source>
            <translation>政務服務自助終端</translation>
        </message>
        <message>
            <location filename="../qml/Main.qml" line="106" />
            <source>身份证还在读卡器上，离开时请取回</source>
            <translation>身份證還在讀卡器上，離開時請取回</translation>
        </message>
        <message>
            <location filename="../qml/Main.qml" line="157" />
            <source>读卡成功，请取回身份证</source>
            <translation>讀卡成功，請取回身份證</translation>
        </message>
    </context>
    <context>
        <name>Maintenance</name>
        <message>
            <location filename="../qml/screens/Maintenance.qml" line="11" />
            <source>设备诊断</source>
            <translation>設備診斷</translation>
        </message>
        <message>
            <location filename="../qml/screens/Maintenance.qml" line="28" />
            <source>检测中…</source>
            <translation>檢測中…</translation>
        </message>
        <message>
            <location filename="../qml/screens/Maintenance.qml" line="28" />
            <source>重新检测</source>
            <translation>重新檢測</translation>
        </message>
        <message>
            <location filename="../qml/screens/Maintenance.qml" line="34" />
            <source>打印测试页</source>
            <translation>列印測試頁</translation>
        </message>
        <message>
            <location filename="../qml/screens/Maintenance.qml" line="40" />
            <source>维护工具</source>
            <translation>維護工具</translation>
        </message>
        <message>
            <location filename="../qml/screens/Maintenance.qml" line="45" />
            <source>退出维护</source>
            <translation>退出維護</translation>
        </message>
        <message>
            <location filename="../qml/screens/Maintenance.qml" line="58" />
            <source>修改维护密码</source>
            <translation>修改維護密碼</translation>
        </message>
        <message>
            <location filename="../qml/screens/Maintenance.qml" line="64" />
            <source>设置核验密码</source>
            <translation>設置核驗密碼</translation>
        </message>
        <message>
            <location filename="../qml/screens/Maintenance.qml" line="73" />
            <source>工作人员核验密码：已设置</source>
            <translation>工作人員核驗密碼：已設置</translation>
        </message>
        <message>
            <location filename="../qml/screens/Maintenance.qml" line="74" />
            <source>工作人员核验密码：未设置，人脸无法比对时不能由工作人员核验</source>
            <translation>工作人員核驗密碼：未設置，人臉無法比對時不能由工作人員核驗</translation>
        </message>
        <message>
            <location filename="../qml/screens/Maintenance.qml" line="83" />
            <source>重启程序</source>
            <translation>重啟程序</translation>
        </message>
        <message>
            <location filename="../qml/screens/Maintenance.qml" line="90" />
            <source>退出到桌面</source>
            <translation>退出到桌面</translation>
        </message>
        <message>
            <location filename="../qml/screens/Maintenance.qml" line="98" />
            <source>退出到桌面后终端停止服务，直到重新启动自助服务。</source>
            <translation>退出到桌面後終端停止服務，直到重新啟動自助服務。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Maintenance.qml" line="109" />
            <source>维护密码已更新。</source>
            <translation>維護密碼已更新。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Maintenance.qml" line="110" />
            <source>核验密码已设置。</source>
            <translation>核驗密碼已設置。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Maintenance.qml" line="142" />
            <source>上次打印未完成</source>
            <translation>上次列印未完成</translation>
        </message>
        <message>
            <location filename="../qml/screens/Maintenance.qml" line="151" />
            <source>重新打印</source>
            <translation>重新列印</translation>
        </message>
        <message>
            <location filename="../qml/screens/Maintenance.qml" line="156" />
            <source>忽略</source>
            <translation>忽略</translation>
        </message>
        <message>
            <location filename="../qml/screens/Maintenance.qml" line="180" />
            <source>正常</source>
            <translation>正常</translation>
        </message>
        <message>
            <location filename="../qml/screens/Maintenance.qml" line="180" />
            <source>故障</source>
            <translation>故障</translation>
        </message>
        <message>
            <location filename="../qml/screens/Maintenance.qml" line="206" />
            <source>最近日志（证件号与姓名已遮挡）</source>
            <translation>最近日誌（證件號與姓名已遮擋）</translation>
        </message>
    </context>
    <context>
        <name>MaintenanceCare</name>
        <message>
            <location filename="../qml/screens/MaintenanceCare.qml" line="11" />
            <source>维护工具</source>
            <translation>維護工具</translation>
        </message>
        <message>
            <location filename="../qml/screens/MaintenanceCare.qml" line="27" />
            <source>设备自检</source>
            <translation>設備自檢</translation>
        </message>
        <message>
            <location filename="../qml/screens/MaintenanceCare.qml" line="33" />
            <source>离线队列</source>
            <translation>離線隊列</translation>
        </message>
        <message>
            <location filename="../qml/screens/MaintenanceCare.qml" line="39" />
            <source>配置与诊断包</source>
            <translation>配置與診斷包</translation>
        </message>
        <message>
            <location filename="../qml/screens/MaintenanceCare.qml" line="61" />
            <source>全部自检</source>
            <translation>全部自檢</translation>
        </message>
        <message>
            <location filename="../qml/screens/MaintenanceCare.qml" line="66" />
            <source>读卡自检请先在读卡器上放一张测试卡；打印自检会打印一张测试页。</source>
            <translation>讀卡自檢請先在讀卡器上放一張測試卡；列印自檢會列印一張測試頁。</translation>
        </message>
        <message>
            <location filename="../qml/screens/MaintenanceCare.qml" line="98" />
            <source>检测中</source>
            <translation>檢測中</translation>
        </message>
        <message>
            <location filename="../qml/screens/MaintenanceCare.qml" line="98" />
            <source>未检测</source>
            <translation>未檢測</translation>
        </message>
        <message>
            <location filename="../qml/screens/MaintenanceCare.qml" line="99" />
            <source>通过</source>
            <translation>通過</translation>
        </message>
        <message>
            <location filename="../qml/screens/MaintenanceCare.qml" line="99" />
            <source>未通过</source>
            <translation>未通過</translation>
        </message>
        <message>
            <location filename="../qml/screens/MaintenanceCare.qml" line="124" />
            <source>检测</source>
            <translation>檢測</translation>
        </message>
        <message>
            <location filename="../qml/screens/MaintenanceCare.qml" line="138" />
            <source>离线队列不可用：%1</source>
            <translation>離線隊列不可用：%1</translation>
        </message>
        <message>
            <location filename="../qml/screens/MaintenanceCare.qml" line="139" />
            <source>连接：%1　待上传 %2　上传中 %3　已确认 %4　已清除 %5　隔离 %6</source>
            <translation>連接：%1　待上傳 %2　上傳中 %3　已確認 %4　已清除 %5　隔離 %6</translation>
        </message>
        <message>
            <location filename="../qml/screens/MaintenanceCare.qml" line="143" />
            <source>　最早待上传：%1前</source>
            <translation>　最早待上傳：%1前</translation>
        </message>
        <message>
            <location filename="../qml/screens/MaintenanceCare.qml" line="144" />
            <source>　上次同步：%1前</source>
            <translation>　上次同步：%1前</translation>
        </message>
        <message>
            <location filename="../qml/screens/MaintenanceCare.qml" line="153" />
            <source>立即同步</source>
            <translation>立即同步</translation>
        </message>
        <message>
            <location filename="../qml/screens/MaintenanceCare.qml" line="169" />
            <source>隔离的记录（平台未接收）</source>
            <translation>隔離的記錄（平臺未接收）</translation>
        </message>
        <message>
            <location filename="../qml/screens/MaintenanceCare.qml" line="169" />
            <source>最近的申请（受理编号已遮挡）</source>
            <translation>最近的申請（受理編號已遮擋）</translation>
        </message>
        <message>
            <location filename="../qml/screens/MaintenanceCare.qml" line="203" />
            <source>重试</source>
            <translation>重試</translation>
        </message>
        <message>
            <location filename="../qml/screens/MaintenanceCare.qml" line="211" />
            <source>补打回执</source>
            <translation>補打回執</translation>
        </message>
        <message>
            <location filename="../qml/screens/MaintenanceCare.qml" line="225" />
            <source>导出诊断包</source>
            <translation>導出診斷包</translation>
        </message>
        <message>
            <location filename="../qml/screens/MaintenanceCare.qml" line="230" />
            <source>保存到：%1（不含证件号、姓名、照片和密钥）</source>
            <translation>保存到：%1（不含證件號、姓名、照片和密鑰）</translation>
        </message>
    </context>
    <context>
        <name>NavBar</name>
        <message>
            <location filename="../qml/Kiosk/NavBar.qml" line="34" />
            <source>‹ 返回</source>
            <translation>‹ 返回</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/NavBar.qml" line="39" />
            <source>⌂ 首页</source>
            <translation>⌂ 首頁</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/NavBar.qml" line="45" />
            <source>标准版</source>
            <translation>標準版</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/NavBar.qml" line="53" />
            <source>长辈版</source>
            <translation>長輩版</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/NavBar.qml" line="67" />
            <source>退出</source>
            <translation>退出</translation>
        </message>
    </context>
    <context>
        <name>PinPad</name>
        <message>
            <location filename="../qml/screens/PinPad.qml" line="21" />
            <source>维护模式</source>
            <translation>維護模式</translation>
        </message>
        <message>
            <location filename="../qml/screens/PinPad.qml" line="18" />
            <source>工作人员核验身份</source>
            <translation>工作人員核驗身份</translation>
        </message>
        <message>
            <location filename="../qml/screens/PinPad.qml" line="19" />
            <source>设置维护密码</source>
            <translation>設置維護密碼</translation>
        </message>
        <message>
            <location filename="../qml/screens/PinPad.qml" line="20" />
            <source>设置核验密码</source>
            <translation>設置核驗密碼</translation>
        </message>
        <message>
            <location filename="../qml/screens/PinPad.qml" line="21" />
            <source>退出到桌面</source>
            <translation>退出到桌面</translation>
        </message>
        <message>
            <location filename="../qml/screens/PinPad.qml" line="22" />
            <source>请工作人员输入密码</source>
            <translation>請工作人員輸入密碼</translation>
        </message>
        <message>
            <location filename="../qml/screens/PinPad.qml" line="80" />
            <source>请工作人员核对证件与本人后输入核验密码</source>
            <translation>請工作人員核對證件與本人後輸入核驗密碼</translation>
        </message>
        <message>
            <location filename="../qml/screens/PinPad.qml" line="81" />
            <source>请再次输入新密码</source>
            <translation>請再次輸入新密碼</translation>
        </message>
        <message>
            <location filename="../qml/screens/PinPad.qml" line="82" />
            <source>出厂密码只能用来设置新密码。请输入新的维护密码（6–12 位数字）。</source>
            <translation>出廠密碼只能用來設置新密碼。請輸入新的維護密碼（6–12 位數字）。</translation>
        </message>
        <message>
            <location filename="../qml/screens/PinPad.qml" line="83" />
            <source>请输入新的维护密码（6–12 位数字）</source>
            <translation>請輸入新的維護密碼（6–12 位數字）</translation>
        </message>
        <message>
            <location filename="../qml/screens/PinPad.qml" line="84" />
            <source>请输入新的核验密码（6–12 位数字，不能与维护密码相同）</source>
            <translation>請輸入新的核驗密碼（6–12 位數字，不能與維護密碼相同）</translation>
        </message>
        <message>
            <location filename="../qml/screens/PinPad.qml" line="85" />
            <source>再次输入维护密码，确认退出到桌面</source>
            <translation>再次輸入維護密碼，確認退出到桌面</translation>
        </message>
        <message>
            <location filename="../qml/screens/PinPad.qml" line="86" />
            <source>请输入维护密码</source>
            <translation>請輸入維護密碼</translation>
        </message>
        <message>
            <location filename="../qml/screens/PinPad.qml" line="97" />
            <source>正在核对…</source>
            <translation>正在核對…</translation>
        </message>
        <message>
            <location filename="../qml/screens/PinPad.qml" line="108" />
            <source>错误次数过多，请 %1 分钟后再试。</source>
            <translation>錯誤次數過多，請 %1 分鐘後再試。</translation>
        </message>
        <message>
            <location filename="../qml/screens/PinPad.qml" line="109" />
            <source>错误次数过多，请 %1 秒后再试。</source>
            <translation>錯誤次數過多，請 %1 秒後再試。</translation>
        </message>
        <message>
            <location filename="../qml/screens/PinPad.qml" line="110" />
            <source>核验密码尚未设置，请到窗口办理，或请工作人员在维护模式中设置。</source>
            <translation>核驗密碼尚未設置，請到窗口辦理，或請工作人員在維護模式中設置。</translation>
        </message>
        <message>
            <location filename="../qml/screens/PinPad.qml" line="111" />
            <source>密码不正确。</source>
            <translation>密碼不正確。</translation>
        </message>
        <message>
            <location filename="../qml/screens/PinPad.qml" line="112" />
            <source>两次输入不一致，请重新设置。</source>
            <translation>兩次輸入不一致，請重新設置。</translation>
        </message>
        <message>
            <location filename="../qml/screens/PinPad.qml" line="113" />
            <source>这个密码太容易猜到，请换一个（6–12 位数字，不要重复或连续的数字）。</source>
            <translation>這個密碼太容易猜到，請換一個（6–12 位數字，不要重複或連續的數字）。</translation>
        </message>
        <message>
            <location filename="../qml/screens/PinPad.qml" line="114" />
            <source>核验密码不能与维护密码相同。</source>
            <translation>核驗密碼不能與維護密碼相同。</translation>
        </message>
        <message>
            <location filename="../qml/screens/PinPad.qml" line="115" />
            <source>新密码未能保存，原密码仍然有效，请查看设备诊断。</source>
            <translation>新密碼未能保存，原密碼仍然有效，請查看設備診斷。</translation>
        </message>
        <message>
            <location filename="../qml/screens/PinPad.qml" line="116" />
            <source>请先输入维护密码。</source>
            <translation>請先輸入維護密碼。</translation>
        </message>
        <message>
            <location filename="../qml/screens/PinPad.qml" line="151" />
            <source>取消</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>Placeholder</name>
        <message>
            <location filename="../qml/screens/Placeholder.qml" line="10" />
            <source>本终端暂未开通此项服务。请到服务窗口咨询</source>
            <translation>本終端暫未開通此項服務。請到服務窗口諮詢</translation>
        </message>
        <message>
            <location filename="../qml/screens/Placeholder.qml" line="20" />
            <source>本终端暂未开通此项服务。</source>
            <translation>本終端暫未開通此項服務。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Placeholder.qml" line="29" />
            <source>请到服务窗口咨询，或拨打服务热线 %1。</source>
            <translation>請到服務窗口諮詢，或撥打服務熱線 %1。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Placeholder.qml" line="38" />
            <source>返回首页</source>
            <translation>返回首頁</translation>
        </message>
    </context>
    <context>
        <name>Progress</name>
        <message>
            <location filename="../qml/screens/Progress.qml" line="12" />
            <source>进度查询</source>
            <translation>進度查詢</translation>
        </message>
        <message>
            <location filename="../qml/screens/Progress.qml" line="50" />
            <source>受理编号</source>
            <translation>受理編號</translation>
        </message>
        <message>
            <location filename="../qml/screens/Progress.qml" line="61" />
            <source>例如 %1 2024 0501 0000 01X</source>
            <translation>例如 %1 2024 0501 0000 01X</translation>
        </message>
        <message>
            <location filename="../qml/screens/Progress.qml" line="73" />
            <source>查询</source>
            <translation>查詢</translation>
        </message>
        <message>
            <location filename="../qml/screens/Progress.qml" line="74" />
            <location filename="../qml/screens/Progress.qml" line="111" />
            <source>正在查询</source>
            <translation>正在查詢</translation>
        </message>
        <message>
            <location filename="../qml/screens/Progress.qml" line="74" />
            <source>请先输入受理编号</source>
            <translation>請先輸入受理編號</translation>
        </message>
        <message>
            <location filename="../qml/screens/Progress.qml" line="99" />
            <source>正在查询…</source>
            <translation>正在查詢…</translation>
        </message>
        <message>
            <location filename="../qml/screens/Progress.qml" line="13" />
            <source>进度查询。请输入受理编号、扫描回执二维码，或者刷身份证</source>
            <translation>進度查詢。請輸入受理編號、掃描回執QR Code，或者刷身份證</translation>
        </message>
        <message>
            <location filename="../qml/screens/Progress.qml" line="35" />
            <source>请输入回执上的受理编号（字母和数字）。也可以把身份证放到读卡区，再核验人脸。</source>
            <translation>請輸入回執上的受理編號（字母和數字）。也可以把身份證放到讀卡區，再核驗人臉。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Progress.qml" line="110" />
            <source>扫描回执二维码</source>
            <translation>掃描回執QR Code</translation>
        </message>
        <message>
            <location filename="../qml/screens/Progress.qml" line="150" />
            <source>正在打开摄像头…</source>
            <translation>正在打開攝像頭…</translation>
        </message>
        <message>
            <location filename="../qml/screens/Progress.qml" line="172" />
            <source>请将回执上的二维码对准摄像头，保持不动</source>
            <translation>請將回執上的QR Code對準攝像頭，保持不動</translation>
        </message>
        <message>
            <location filename="../qml/screens/Progress.qml" line="184" />
            <source>停止扫描</source>
            <translation>停止掃描</translation>
        </message>
        <message>
            <location filename="../qml/screens/Progress.qml" line="194" />
            <source>按身份证查询（需人脸核验）</source>
            <translation>按身份證查詢（需人臉核驗）</translation>
        </message>
        <message>
            <location filename="../qml/screens/Progress.qml" line="207" />
            <source>您名下的办件</source>
            <translation>您名下的辦件</translation>
        </message>
        <message>
            <location filename="../qml/screens/Progress.qml" line="258" />
            <source>受理编号：%1</source>
            <translation>受理編號：%1</translation>
        </message>
        <message>
            <location filename="../qml/screens/Progress.qml" line="281" />
            <source>“%1”是什么意思？</source>
            <translation>“%1”是什麼意思？</translation>
        </message>
        <message>
            <location filename="../qml/screens/Progress.qml" line="302" />
            <source>需要您补正的内容</source>
            <translation>需要您補正的內容</translation>
        </message>
        <message>
            <location filename="../qml/screens/Progress.qml" line="303" />
            <source>退回原因</source>
            <translation>退回原因</translation>
        </message>
        <message>
            <location filename="../qml/screens/Progress.qml" line="324" />
            <source>请按上面的说明准备好，带上回执到服务窗口办理。</source>
            <translation>請按上面的說明準備好，帶上回執到服務窗口辦理。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Progress.qml" line="325" />
            <source>如有疑问，请带上回执到服务窗口咨询。</source>
            <translation>如有疑問，請帶上回執到服務窗口諮詢。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Progress.qml" line="337" />
            <source>平台办件号：%1</source>
            <translation>平臺辦件號：%1</translation>
        </message>
        <message>
            <location filename="../qml/screens/Progress.qml" line="347" />
            <source>本机记录（网络未连接）</source>
            <translation>本機記錄（網路未連接）</translation>
        </message>
        <message>
            <location filename="../qml/screens/Progress.qml" line="346" />
            <source>来自政务服务平台</source>
            <translation>來自政務服務平臺</translation>
        </message>
    </context>
    <context>
        <name>Rating</name>
        <message>
            <location filename="../qml/screens/Rating.qml" line="12" />
            <source>请为本次服务评价</source>
            <translation>請為本次服務評價</translation>
        </message>
        <message>
            <location filename="../qml/screens/Rating.qml" line="33" />
            <source>办理事项：%1</source>
            <translation>辦理事項：%1</translation>
        </message>
        <message>
            <location filename="../qml/screens/Rating.qml" line="13" />
            <location filename="../qml/screens/Rating.qml" line="42" />
            <source>您对本次服务满意吗？点一下即可</source>
            <translation>您對本次服務滿意嗎？點一下即可</translation>
        </message>
        <message>
            <location filename="../qml/screens/Rating.qml" line="83" />
            <source>您选择了“%1”。哪里让您不满意？可以选几项，也可以不选。</source>
            <translation>您選擇了“%1”。哪裡讓您不滿意？可以選幾項，也可以不選。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Rating.qml" line="120" />
            <source>重新选择满意度</source>
            <translation>重新選擇滿意度</translation>
        </message>
        <message>
            <location filename="../qml/screens/Rating.qml" line="127" />
            <source>提交评价</source>
            <translation>提交評價</translation>
        </message>
        <message>
            <location filename="../qml/screens/Rating.qml" line="137" />
            <source>感谢您的评价！</source>
            <translation>感謝您的評價！</translation>
        </message>
        <message>
            <location filename="../qml/screens/Rating.qml" line="138" />
            <source>本次服务结束，您的信息将从本机清除。</source>
            <translation>本次服務結束，您的信息將從本機清除。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Rating.qml" line="146" />
            <source>不评价，结束</source>
            <translation>不評價，結束</translation>
        </message>
        <message>
            <location filename="../qml/screens/Rating.qml" line="147" />
            <source>结束</source>
            <translation>結束</translation>
        </message>
    </context>
    <context>
        <name>Review</name>
        <message>
            <location filename="../qml/screens/Review.qml" line="11" />
            <source>核对申请信息</source>
            <translation>核對申請信息</translation>
        </message>
        <message>
            <location filename="../qml/screens/Review.qml" line="13" />
            <source>核对代办申请。请看一遍，拍好授权委托书，勾选同意，再点“确认提交”</source>
            <translation>核對代辦申請。請看一遍，拍好授權委託書，勾選同意，再點“確認提交”</translation>
        </message>
        <message>
            <location filename="../qml/screens/Review.qml" line="14" />
            <source>核对申请信息。请看一遍，勾选同意，再点“确认提交”</source>
            <translation>核對申請信息。請看一遍，勾選同意，再點“確認提交”</translation>
        </message>
        <message>
            <location filename="../qml/screens/Review.qml" line="90" />
            <source>（未填写）</source>
            <translation>（未填寫）</translation>
        </message>
        <message>
            <location filename="../qml/screens/Review.qml" line="118" />
            <source>材料拍照：代办必须拍摄授权委托书；其他材料可选，拍好的随申请一起提交</source>
            <translation>材料拍照：代辦必須拍攝授權委託書；其他材料可選，拍好的隨申請一起提交</translation>
        </message>
        <message>
            <location filename="../qml/screens/Review.qml" line="119" />
            <source>材料拍照（可选）：拍好的材料随申请一起提交，可不再带复印件</source>
            <translation>材料拍照（可選）：拍好的材料隨申請一起提交，可不再帶複印件</translation>
        </message>
        <message>
            <location filename="../qml/screens/Review.qml" line="135" />
            <source>%1（必须拍摄）</source>
            <translation>%1（必須拍攝）</translation>
        </message>
        <message>
            <location filename="../qml/screens/Review.qml" line="144" />
            <source>已拍%1张</source>
            <translation>已拍%1張</translation>
        </message>
        <message>
            <location filename="../qml/screens/Review.qml" line="144" />
            <source>未拍</source>
            <translation>未拍</translation>
        </message>
        <message>
            <location filename="../qml/screens/Review.qml" line="152" />
            <source>补拍</source>
            <translation>補拍</translation>
        </message>
        <message>
            <location filename="../qml/screens/Review.qml" line="152" />
            <source>拍照</source>
            <translation>拍照</translation>
        </message>
        <message>
            <location filename="../qml/screens/Review.qml" line="179" />
            <source>正在保存您的申请…</source>
            <translation>正在保存您的申請…</translation>
        </message>
        <message>
            <location filename="../qml/screens/Review.qml" line="237" />
            <source>勾选上面的“我已阅读并同意”后，才能提交</source>
            <translation>勾選上面的“我已閱讀並同意”後，才能提交</translation>
        </message>
        <message>
            <location filename="../qml/screens/Review.qml" line="252" />
            <source>返回修改</source>
            <translation>返回修改</translation>
        </message>
        <message>
            <location filename="../qml/screens/Review.qml" line="261" />
            <source>确认提交</source>
            <translation>確認提交</translation>
        </message>
    </context>
    <context>
        <name>ScreenPage</name>
        <message>
            <location filename="../qml/Kiosk/ScreenPage.qml" line="57" />
            <source>✓ 已呼叫工作人员</source>
            <translation>✓ 已呼叫工作人員</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/ScreenPage.qml" line="57" />
            <source>呼叫工作人员</source>
            <translation>呼叫工作人員</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/ScreenPage.qml" line="58" />
            <source>请工作人员到本机来帮您</source>
            <translation>請工作人員到本機來幫您</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/ScreenPage.qml" line="66" />
            <source>再听一遍</source>
            <translation>再聽一遍</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/ScreenPage.qml" line="67" />
            <source>朗读本页的提示</source>
            <translation>朗讀本頁的提示</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/ScreenPage.qml" line="76" />
            <source>声音</source>
            <translation>聲音</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/ScreenPage.qml" line="77" />
            <source>调节声音大小和快慢</source>
            <translation>調節聲音大小和快慢</translation>
        </message>
    </context>
    <context>
        <name>Search</name>
        <message>
            <location filename="../qml/screens/Search.qml" line="11" />
            <source>搜索事项</source>
            <translation>搜尋事項</translation>
        </message>
        <message>
            <location filename="../qml/screens/Search.qml" line="12" />
            <source>搜索事项。请输入事项名称或拼音</source>
            <translation>搜尋事項。請輸入事項名稱或拼音</translation>
        </message>
        <message>
            <location filename="../qml/screens/Search.qml" line="62" />
            <source>输入事项名称、拼音或首字母</source>
            <translation>輸入事項名稱、拼音或首字母</translation>
        </message>
        <message>
            <location filename="../qml/screens/Search.qml" line="77" />
            <source>清空</source>
            <translation>清空</translation>
        </message>
        <message>
            <location filename="../qml/screens/Search.qml" line="85" />
            <source>例如：身份证、公积金提取、结婚登记、gjj、sfz</source>
            <translation>例如：身份證、公積金提取、結婚登記、gjj、sfz</translation>
        </message>
        <message>
            <location filename="../qml/screens/Search.qml" line="138" />
            <source>没有找到“%1”</source>
            <translation>沒有找到“%1”</translation>
        </message>
        <message>
            <location filename="../qml/screens/Search.qml" line="139" />
            <source>换个说法试试，或按主题查找；也可以请工作人员帮忙，服务热线 %1。</source>
            <translation>換個說法試試，或按主題查找；也可以請工作人員幫忙，服務熱線 %1。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Search.qml" line="142" />
            <source>按主题查找</source>
            <translation>按主題查找</translation>
        </message>
    </context>
    <context>
        <name>SimTrayPanel</name>
        <message>
            <location filename="../qml/Kiosk/SimTrayPanel.qml" line="23" />
            <source>模拟设备（演示用）</source>
            <translation>模擬設備（演示用）</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/SimTrayPanel.qml" line="29" />
            <source>关闭</source>
            <translation>關閉</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/SimTrayPanel.qml" line="33" />
            <source>设备模拟器尚未就绪。</source>
            <translation>設備模擬器尚未就緒。</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/SimTrayPanel.qml" line="113" />
            <source>（暂无）</source>
            <translation>（暫無）</translation>
        </message>
    </context>
    <context>
        <name>StaffCallPanel</name>
        <message>
            <location filename="../qml/Kiosk/StaffCallPanel.qml" line="12" />
            <source>请到%1找工作人员</source>
            <translation>請到%1找工作人員</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/StaffCallPanel.qml" line="13" />
            <source>正在通知工作人员…</source>
            <translation>正在通知工作人員…</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/StaffCallPanel.qml" line="14" />
            <source>工作人员马上就来</source>
            <translation>工作人員馬上就來</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/StaffCallPanel.qml" line="15" />
            <source>本机暂时无法通知工作人员，请您直接过去。</source>
            <translation>本機暫時無法通知工作人員，請您直接過去。</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/StaffCallPanel.qml" line="16" />
            <source>请在本机旁稍候。工作人员在%1。</source>
            <translation>請在本機旁稍候。工作人員在%1。</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/StaffCallPanel.qml" line="24" />
            <location filename="../qml/Kiosk/StaffCallPanel.qml" line="93" />
            <source>好的</source>
            <translation>好的</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/StaffCallPanel.qml" line="70" />
            <source>服务热线 %1</source>
            <translation>服務熱線 %1</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/StaffCallPanel.qml" line="84" />
            <source>取消呼叫</source>
            <translation>取消呼叫</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/StaffCallPanel.qml" line="85" />
            <source>正在取消</source>
            <translation>正在取消</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/StaffCallPanel.qml" line="88" />
            <source>不需要工作人员了</source>
            <translation>不需要工作人員了</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/StaffCallPanel.qml" line="94" />
            <source>关闭提示</source>
            <translation>關閉提示</translation>
        </message>
    </context>
    <context>
        <name>Submitted</name>
        <message>
            <location filename="../qml/screens/Submitted.qml" line="10" />
            <source>申请已提交</source>
            <translation>申請已提交</translation>
        </message>
        <message>
            <location filename="../qml/screens/Submitted.qml" line="11" />
            <source>申请已提交。请取走回执，或记下受理编号</source>
            <translation>申請已提交。請取走回執，或記下受理編號</translation>
        </message>
        <message>
            <location filename="../qml/screens/Submitted.qml" line="14" />
            <source>申请已提交，回执已打印，请从出纸口取走</source>
            <translation>申請已提交，回執已列印，請從出紙口取走</translation>
        </message>
        <message>
            <location filename="../qml/screens/Submitted.qml" line="15" />
            <source>申请已提交，回执未能打印，请拍照或记下屏幕上的受理编号</source>
            <translation>申請已提交，回執未能列印，請拍照或記下螢幕上的受理編號</translation>
        </message>
        <message>
            <location filename="../qml/screens/Submitted.qml" line="63" />
            <source>受理编号</source>
            <translation>受理編號</translation>
        </message>
        <message>
            <location filename="../qml/screens/Submitted.qml" line="87" />
            <source>回执已打印，请从出纸口取走并妥善保管</source>
            <translation>回執已列印，請從出紙口取走並妥善保管</translation>
        </message>
        <message>
            <location filename="../qml/screens/Submitted.qml" line="88" />
            <source>回执未能打印，请拍照或记下受理编号</source>
            <translation>回執未能列印，請拍照或記下受理編號</translation>
        </message>
        <message>
            <location filename="../qml/screens/Submitted.qml" line="89" />
            <source>正在打印回执…</source>
            <translation>正在列印回執…</translation>
        </message>
        <message>
            <location filename="../qml/screens/Submitted.qml" line="91" />
            <source>您的申请已保存在本机，网络畅通时会自动上传。凭受理编号可随时查询进度。</source>
            <translation>您的申請已保存在本機，網路暢通時會自動上傳。憑受理編號可隨時查詢進度。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Submitted.qml" line="99" />
            <source>请拍照或记下受理编号，也可用手机扫码保存</source>
            <translation>請拍照或記下受理編號，也可用手機掃碼保存</translation>
        </message>
        <message>
            <location filename="../qml/screens/Submitted.qml" line="110" />
            <source>重新打印回执</source>
            <translation>重新列印回執</translation>
        </message>
        <message>
            <location filename="../qml/screens/Submitted.qml" line="116" />
            <source>下一步：评价本次服务</source>
            <translation>下一步：評價本次服務</translation>
        </message>
    </context>
    <context>
        <name>TakeCard</name>
        <message>
            <location filename="../qml/screens/TakeCard.qml" line="12" />
            <location filename="../qml/screens/TakeCard.qml" line="15" />
            <location filename="../qml/screens/TakeCard.qml" line="37" />
            <source>请取走身份证和回执</source>
            <translation>請取走身份證和回執</translation>
        </message>
        <message>
            <location filename="../qml/screens/TakeCard.qml" line="47" />
            <source>本次服务已结束，您的信息已从本机清除。</source>
            <translation>本次服務已結束，您的信息已從本機清除。</translation>
        </message>
    </context>
    <context>
        <name>Ticket</name>
        <message>
            <location filename="../qml/screens/Ticket.qml" line="11" />
            <location filename="../qml/screens/Ticket.qml" line="79" />
            <source>取号</source>
            <translation>取號</translation>
        </message>
        <message>
            <location filename="../qml/screens/Ticket.qml" line="13" />
            <source>取号。请点“取普通号”；老年人、残疾人、孕妇可以点“取优先号”</source>
            <translation>取號。請點“取普通號”；老年人、殘疾人、孕婦可以點“取優先號”</translation>
        </message>
        <message>
            <location filename="../qml/screens/Ticket.qml" line="14" />
            <source>取号。请点“取号”</source>
            <translation>取號。請點“取號”</translation>
        </message>
        <message>
            <location filename="../qml/screens/Ticket.qml" line="15" />
            <source>取号。号票打印后请取走，等候叫号</source>
            <translation>取號。號票列印後請取走，等候叫號</translation>
        </message>
        <message>
            <location filename="../qml/screens/Ticket.qml" line="19" />
            <source>您的号码是 %1。</source>
            <translation>您的號碼是 %1。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Ticket.qml" line="20" />
            <source>这是优先号，窗口会优先叫号。</source>
            <translation>這是優先號，窗口會優先叫號。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Ticket.qml" line="56" />
            <source>办理窗口：%1</source>
            <translation>辦理窗口：%1</translation>
        </message>
        <message>
            <location filename="../qml/screens/Ticket.qml" line="79" />
            <source>取普通号</source>
            <translation>取普通號</translation>
        </message>
        <message>
            <location filename="../qml/screens/Ticket.qml" line="81" />
            <source>领取窗口排队号</source>
            <translation>領取窗口排隊號</translation>
        </message>
        <message>
            <location filename="../qml/screens/Ticket.qml" line="92" />
            <source>取优先号</source>
            <translation>取優先號</translation>
        </message>
        <message>
            <location filename="../qml/screens/Ticket.qml" line="92" />
            <source>老年人 · 残疾人 · 孕妇</source>
            <translation>老年人 · 殘疾人 · 孕婦</translation>
        </message>
        <message>
            <location filename="../qml/screens/Ticket.qml" line="94" />
            <source>取优先号，老年人、残疾人、孕妇</source>
            <translation>取優先號，老年人、殘疾人、孕婦</translation>
        </message>
        <message>
            <location filename="../qml/screens/Ticket.qml" line="95" />
            <source>绿色通道，窗口优先叫号</source>
            <translation>綠色通道，窗口優先叫號</translation>
        </message>
        <message>
            <location filename="../qml/screens/Ticket.qml" line="104" />
            <source>优先号在窗口优先叫号，无需出示证明。</source>
            <translation>優先號在窗口優先叫號，無需出示證明。</translation>
        </message>
        <message>
            <location filename="../qml/screens/Ticket.qml" line="145" />
            <source>正在取号，请稍候…</source>
            <translation>正在取號，請稍候…</translation>
        </message>
        <message>
            <location filename="../qml/screens/Ticket.qml" line="155" />
            <source>您的号码</source>
            <translation>您的號碼</translation>
        </message>
        <message>
            <location filename="../qml/screens/Ticket.qml" line="222" />
            <source>请到 %1 等候叫号</source>
            <translation>請到 %1 等候叫號</translation>
        </message>
        <message>
            <location filename="../qml/screens/Ticket.qml" line="244" />
            <source>号票已打印，请从出纸口取走，留意叫号</source>
            <translation>號票已列印，請從出紙口取走，留意叫號</translation>
        </message>
        <message>
            <location filename="../qml/screens/Ticket.qml" line="245" />
            <source>号票未能打印，请记住屏幕上的号码</source>
            <translation>號票未能列印，請記住螢幕上的號碼</translation>
        </message>
        <message>
            <location filename="../qml/screens/Ticket.qml" line="246" />
            <source>未能取号</source>
            <translation>未能取號</translation>
        </message>
        <message>
            <location filename="../qml/screens/Ticket.qml" line="247" />
            <source>正在打印号票…</source>
            <translation>正在列印號票…</translation>
        </message>
        <message>
            <location filename="../qml/screens/Ticket.qml" line="258" />
            <source>可用手机扫码或拍照保存您的号码</source>
            <translation>可用手機掃碼或拍照保存您的號碼</translation>
        </message>
        <message>
            <location filename="../qml/screens/Ticket.qml" line="264" />
            <source>完成，返回首页</source>
            <translation>完成，返回首頁</translation>
        </message>
    </context>
    <context>
        <name>VoicePanel</name>
        <message>
            <location filename="../qml/Kiosk/VoicePanel.qml" line="56" />
            <source>声音大小和快慢</source>
            <translation>聲音大小和快慢</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/VoicePanel.qml" line="68" />
            <source>音量</source>
            <translation>音量</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/VoicePanel.qml" line="81" />
            <source>小声一点</source>
            <translation>小聲一點</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/VoicePanel.qml" line="88" />
            <source>音量 %1 / %2</source>
            <translation>音量 %1 / %2</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/VoicePanel.qml" line="95" />
            <source>大声一点</source>
            <translation>大聲一點</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/VoicePanel.qml" line="101" />
            <source>语速</source>
            <translation>語速</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/VoicePanel.qml" line="114" />
            <source>慢一点</source>
            <translation>慢一點</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/VoicePanel.qml" line="121" />
            <source>语速 %1 / %2</source>
            <translation>語速 %1 / %2</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/VoicePanel.qml" line="128" />
            <source>快一点</source>
            <translation>快一點</translation>
        </message>
        <message>
            <location filename="../qml/Kiosk/VoicePanel.qml" line="135" />
            <source>好了</source>
            <translation>好了</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <location filename="../qml/keyboard/layouts/fallback/main.qml" line="25" />
            <location filename="../qml/keyboard/layouts/zh_CN/main.qml" line="30" />
            <source>符号</source>
            <translation>符號</translation>
        </message>
    </context>
    <context>
        <name>style</name>
        <message>
            <location filename="../qml/QtQuick/VirtualKeyboard/Styles/kiosk/style.qml" line="53" />
            <source>删除</source>
            <translation>刪除</translation>
        </message>
        <message>
            <location filename="../qml/QtQuick/VirtualKeyboard/Styles/kiosk/style.qml" line="54" />
            <source>确定</source>
            <translation>確定</translation>
        </message>
        <message>
            <location filename="../qml/QtQuick/VirtualKeyboard/Styles/kiosk/style.qml" line="55" />
            <source>收起</source>
            <translation>收起</translation>
        </message>
        <message>
            <location filename="../qml/QtQuick/VirtualKeyboard/Styles/kiosk/style.qml" line="56" />
            <source>空格</source>
            <translation>空格</translation>
        </message>
        <message>
            <location filename="../qml/QtQuick/VirtualKeyboard/Styles/kiosk/style.qml" line="60" />
            <source>大写锁定</source>
            <translation>大寫鎖定</translation>
        </message>
        <message>
            <location filename="../qml/QtQuick/VirtualKeyboard/Styles/kiosk/style.qml" line="60" />
            <source>大写</source>
            <translation>大寫</translation>
        </message>
    </context>
    <context>
        <name>symbols</name>
        <message>
            <location filename="../qml/keyboard/layouts/fallback/symbols.qml" line="21" />
            <source>字母</source>
            <translation>字母</translation>
        </message>
    </context>
</TS>

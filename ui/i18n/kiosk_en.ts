<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ApplyChoose</name>
    <message>
        <location filename="../qml/screens/ApplyChoose.qml" line="11" />
        <source>请选择要申请的事项</source>
        <translation>Choose the service to apply for</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyChoose.qml" line="12" />
        <source>请点您要申请的事项</source>
        <translation>Tap the service you want to apply for.</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyChoose.qml" line="20" />
        <source>以下事项可以在本机直接申请，点一下开始填写</source>
        <translation>You can apply for these services right here. Tap one to start.</translation>
    </message>
</context>
<context>
    <name>ApplyFor</name>
    <message>
        <location filename="../qml/screens/ApplyFor.qml" line="15" />
        <source>为谁办理</source>
        <translation>Who is this application for?</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyFor.qml" line="16" />
        <source>请输入申请人的姓名和身份证号。选择您和他的关系，再点“下一步”。</source>
        <translation>Type their name and ID number. Choose how you are related, then tap "Next".</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyFor.qml" line="17" />
        <source>请选择：为自己办理，还是替家人代办</source>
        <translation>Choose: apply for yourself, or for a family member</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyFor.qml" line="19" />
        <source>有 %1 项需要修改，请看红色提示</source>
        <translation>%1 fields need correcting; see the red notes</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyFor.qml" line="107" />
        <source>这个事项可以由家人或他人代办。代办时，您刚才核验的是代办人（您自己）的身份。</source>
        <translation>Someone else may apply for this. If you apply for someone else, the identity you just checked is yours, as the helper.</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyFor.qml" line="124" />
        <source>本人办理</source>
        <translation>Apply for myself</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyFor.qml" line="124" />
        <source>为自己申请</source>
        <translation>For yourself</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyFor.qml" line="125" />
        <source>本人办理，为自己申请</source>
        <translation>Apply for myself</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyFor.qml" line="134" />
        <source>为他人代办</source>
        <translation>Apply for someone else</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyFor.qml" line="134" />
        <source>替家人或他人申请</source>
        <translation>A family member or another person</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyFor.qml" line="135" />
        <source>为他人代办，替家人或他人申请</source>
        <translation>Apply for someone else: a family member or another person</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyFor.qml" line="156" />
        <source>请按申请人（被代办人）身份证上的信息填写。提交前还要拍摄申请人签名的授权委托书。</source>
        <translation>Type the details as on the ID card of the person you apply for. Before submitting, you also photograph the power of attorney they signed.</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyFor.qml" line="163" />
        <location filename="../qml/screens/ApplyFor.qml" line="167" />
        <source>申请人姓名</source>
        <translation>Their name</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyFor.qml" line="169" />
        <source>与身份证上一致</source>
        <translation>As on their ID card</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyFor.qml" line="173" />
        <location filename="../qml/screens/ApplyFor.qml" line="177" />
        <source>申请人身份证号</source>
        <translation>Their ID card number</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyFor.qml" line="179" />
        <source>18位，最后一位可能是X</source>
        <translation>18 characters; the last may be X</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyFor.qml" line="184" />
        <source>您是申请人的</source>
        <translation>You are their</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyFor.qml" line="197" />
        <source>关系：%1</source>
        <translation>Relation: %1</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyFor.qml" line="203" />
        <source>申请人手机号（选填）</source>
        <translation>Their mobile number (optional)</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyFor.qml" line="207" />
        <source>申请人手机号，选填</source>
        <translation>Their mobile number, optional</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyFor.qml" line="209" />
        <source>11位手机号码</source>
        <translation>11-digit mobile number</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyFor.qml" line="223" />
        <source>下一步：填写申请表</source>
        <translation>Next: fill in the form</translation>
    </message>
</context>
<context>
    <name>ApplyForm</name>
    <message>
        <location filename="../qml/screens/ApplyForm.qml" line="18" />
        <source>填写申请表</source>
        <translation>Application form</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyForm.qml" line="64" />
        <source>例如 2024-05-01</source>
        <translation>For example 2024-05-01</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyForm.qml" line="64" />
        <source>11位手机号码</source>
        <translation>11-digit mobile number</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyForm.qml" line="65" />
        <source>金额，单位元</source>
        <translation>Amount in yuan</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyForm.qml" line="103" />
        <source>这是为他人代办的申请。灰色底的信息是您上一步为申请人填写的。要修改，请返回上一步。其他各项请按申请人的情况填写或选择。</source>
        <translation>This application is for someone else. The grey details are what you typed for them in the step before. To change them, go back. Fill in or choose the rest as it applies to them.</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyForm.qml" line="104" />
        <source>灰色底的信息来自您的身份证，不能修改；其他各项请填写或选择。</source>
        <translation>Details on grey come from your ID card and cannot be changed; please fill in or choose the rest.</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyForm.qml" line="49" />
        <location filename="../qml/screens/ApplyForm.qml" line="79" />
        <source>有 %1 项需要修改，请看红色提示</source>
        <translation>%1 fields need correcting; see the red notes</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyForm.qml" line="19" />
        <source>填写申请表。请逐项填好，再点“下一步”</source>
        <translation>Application form. Fill in each field, then tap "Next".</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyForm.qml" line="129" />
        <source>（选填）</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyForm.qml" line="157" />
        <source>来自身份证，不可修改</source>
        <translation>From your ID card; cannot be changed</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyForm.qml" line="157" />
        <source>上一步已填写</source>
        <translation>Typed in the step before</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyForm.qml" line="203" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyForm.qml" line="203" />
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplyForm.qml" line="251" />
        <source>下一步：核对信息</source>
        <translation>Next: check your details</translation>
    </message>
</context>
<context>
    <name>Attract</name>
    <message>
        <location filename="../qml/screens/Attract.qml" line="49" />
        <source>政务服务自助终端</source>
        <translation>Government self-service terminal</translation>
    </message>
    <message>
        <location filename="../qml/screens/Attract.qml" line="68" />
        <source>办事指南 · 证件办理 · 查进度 · 打证明 · 取号</source>
        <translation>Guides · ID documents · Progress · Certificates · Queue numbers</translation>
    </message>
    <message>
        <location filename="../qml/screens/Attract.qml" line="91" />
        <source>现在是非办公时间，暂停受理申请。请在办公时间再来。</source>
        <translation>Outside service hours: applications are not taken now. Please come back during service hours.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Attract.qml" line="101" />
        <source>办公时间：%1</source>
        <translation>Service hours: %1</translation>
    </message>
    <message>
        <location filename="../qml/screens/Attract.qml" line="111" />
        <source>下次开放：%1</source>
        <translation>Opens next: %1</translation>
    </message>
    <message>
        <location filename="../qml/screens/Attract.qml" line="119" />
        <source>仍可使用：办事指南、进度查询</source>
        <translation>Still available: service guide, progress query</translation>
    </message>
    <message>
        <location filename="../qml/screens/Attract.qml" line="172" />
        <source>标准版</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../qml/screens/Attract.qml" line="162" />
        <location filename="../qml/screens/Attract.qml" line="179" />
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../qml/screens/Attract.qml" line="163" />
        <location filename="../qml/screens/Attract.qml" line="187" />
        <source>请触摸屏幕开始</source>
        <translation>Touch the screen to start</translation>
    </message>
    <message>
        <location filename="../qml/screens/Attract.qml" line="224" />
        <location filename="../qml/screens/Attract.qml" line="242" />
        <source>长辈版</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <location filename="../qml/screens/Attract.qml" line="233" />
        <location filename="../qml/screens/Attract.qml" line="243" />
        <source>大字 + 语音，不限时</source>
        <translation>Large text + voice, no rush</translation>
    </message>
    <message>
        <location filename="../qml/screens/Attract.qml" line="273" />
        <source>读卡器上有身份证，请取走</source>
        <translation>An ID card was left on the reader. Please take it.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Attract.qml" line="285" />
        <source>点屏幕开始办事</source>
        <translation>Touch the screen to start</translation>
    </message>
    <message>
        <location filename="../qml/screens/Attract.qml" line="293" />
        <source>终端编号 %1 · 服务热线 %2</source>
        <translation>Terminal %1 · Hotline %2</translation>
    </message>
    <message>
        <location filename="../qml/screens/Attract.qml" line="302" />
        <source>工作人员入口：长按三秒</source>
        <translation>Staff entrance: hold for three seconds</translation>
    </message>
</context>
<context>
    <name>Capture</name>
    <message>
        <location filename="../qml/screens/Capture.qml" line="10" />
        <source>材料拍照</source>
        <translation>Photograph documents</translation>
    </message>
    <message>
        <location filename="../qml/screens/Capture.qml" line="11" />
        <source>材料拍照。请把材料放在摄像头下，再点“拍照”</source>
        <translation>Photograph your papers. Put the page under the camera, then tap "Take photo".</translation>
    </message>
    <message>
        <location filename="../qml/screens/Capture.qml" line="34" />
        <source>把材料平放在摄像头下方。整页都要在画面里，字要看得清。再点“拍照”。多页请逐页拍。</source>
        <translation>Lay the document flat under the camera. The whole page must be in the picture, with the text readable. Then tap “Take photo”. Take each page in turn.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Capture.qml" line="63" />
        <source>正在打开摄像头…</source>
        <translation>Opening the camera…</translation>
    </message>
    <message>
        <location filename="../qml/screens/Capture.qml" line="79" />
        <source>已拍%1张</source>
        <translation>%1 taken</translation>
    </message>
    <message>
        <location filename="../qml/screens/Capture.qml" line="79" />
        <source>还没有拍</source>
        <translation>None taken yet</translation>
    </message>
    <message>
        <location filename="../qml/screens/Capture.qml" line="92" />
        <source>删除上一张</source>
        <translation>Delete the last one</translation>
    </message>
    <message>
        <location filename="../qml/screens/Capture.qml" line="99" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../qml/screens/Capture.qml" line="99" />
        <source>拍照</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <location filename="../qml/screens/Capture.qml" line="105" />
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>CardNotice</name>
    <message>
        <location filename="../qml/Kiosk/CardNotice.qml" line="26" />
        <source>读卡成功，请取回身份证</source>
        <translation>Card read. Please take your ID card back.</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <location filename="../qml/screens/Catalog.qml" line="11" />
        <source>取号：选择事项</source>
        <translation>Take a number: choose a service</translation>
    </message>
    <message>
        <location filename="../qml/screens/Catalog.qml" line="11" />
        <source>办事指南</source>
        <translation>Service guide</translation>
    </message>
    <message>
        <location filename="../qml/screens/Catalog.qml" line="12" />
        <source>取号。请点您要办的事项</source>
        <translation>Take a number. Tap the service you need.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Catalog.qml" line="12" />
        <source>办事指南。请点一个分类，再点事项</source>
        <translation>Service guide. Tap a group, then a service.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Catalog.qml" line="16" />
        <source>常用事项</source>
        <translation>Most used</translation>
    </message>
    <message>
        <location filename="../qml/screens/Catalog.qml" line="17" />
        <source>按主题</source>
        <translation>By theme</translation>
    </message>
    <message>
        <location filename="../qml/screens/Catalog.qml" line="18" />
        <source>人生事件</source>
        <translation>Life events</translation>
    </message>
    <message>
        <location filename="../qml/screens/Catalog.qml" line="19" />
        <source>按部门</source>
        <translation>By department</translation>
    </message>
    <message>
        <location filename="../qml/screens/Catalog.qml" line="33" />
        <source>请选择要办理的事项，在办事指南页点“取号”</source>
        <translation>Choose your service, then tap "Take a number" on its guide</translation>
    </message>
    <message>
        <location filename="../qml/screens/Catalog.qml" line="34" />
        <source>先看清要带的材料，可少跑一趟</source>
        <translation>Check the materials first and save yourself a second trip</translation>
    </message>
    <message>
        <location filename="../qml/screens/Catalog.qml" line="41" />
        <source>不确定办什么？取综合咨询号</source>
        <translation>Not sure what you need? Take a general enquiries number</translation>
    </message>
    <message>
        <location filename="../qml/screens/Catalog.qml" line="50" />
        <location filename="../qml/screens/Catalog.qml" line="63" />
        <source>搜索事项（可输入拼音首字母，如 gjj）</source>
        <translation>Search services (pinyin initials work, like gjj)</translation>
    </message>
</context>
<context>
    <name>CatalogItems</name>
    <message>
        <location filename="../qml/screens/CatalogItems.qml" line="12" />
        <source>请点您要办的事项，查看怎么办</source>
        <translation>Tap the service you need to see how to do it.</translation>
    </message>
    <message>
        <location filename="../qml/screens/CatalogItems.qml" line="20" />
        <source>共 %1 项，点选查看要带的材料</source>
        <translation>%1 services; tap one to see what to bring</translation>
    </message>
</context>
<context>
    <name>Certificates</name>
    <message>
        <location filename="../qml/screens/Certificates.qml" line="12" />
        <source>证明打印</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificates.qml" line="13" />
        <source>证明打印。请点您要打印的证明</source>
        <translation>Certificates. Tap the one you want printed.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificates.qml" line="27" />
        <source>请选择要打印的证明，点一下即出具并打印</source>
        <translation>Choose a certificate: one tap issues and prints it</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificates.qml" line="40" />
        <source>正在向政务服务平台申请出具证明…</source>
        <translation>Asking the service platform to issue the certificate…</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificates.qml" line="40" />
        <source>正在查询可打印的证明…</source>
        <translation>Looking up the certificates you can print…</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificates.qml" line="61" />
        <source>想知道申请办到哪一步了，可以查询办理进度。</source>
        <translation>To see how far an application has got, check its progress.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificates.qml" line="71" />
        <source>查询办理进度</source>
        <translation>Check progress</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificates.qml" line="79" />
        <source>返回首页</source>
        <translation>Back to home</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificates.qml" line="112" />
        <location filename="../qml/screens/Certificates.qml" line="163" />
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificates.qml" line="202" />
        <source>证明编号</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificates.qml" line="210" />
        <source>出具单位</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificates.qml" line="217" />
        <source>出具日期</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificates.qml" line="224" />
        <source>验证码</source>
        <translation>Verification code</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificates.qml" line="236" />
        <source>证明内容含您的个人信息，只打印在纸上，不在屏幕上显示。</source>
        <translation>The certificate holds your personal details, so it is only printed, never shown on screen.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificates.qml" line="250" />
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificates.qml" line="261" />
        <source>证明已打印，请从出纸口取走。可凭验证码核验真伪。</source>
        <translation>The certificate is printed; please take it from the slot. Its verification code proves it is genuine.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificates.qml" line="269" />
        <source>证明已出具，但暂时无法打印。请记下验证码，处理好打印机后点“重新打印”，或请工作人员协助。</source>
        <translation>The certificate has been issued but cannot be printed right now. Note the verification code and tap “Print again” once the printer is ready, or ask staff.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificates.qml" line="278" />
        <source>重新打印</source>
        <translation>Print again</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificates.qml" line="284" />
        <source>打印其他证明</source>
        <translation>Another certificate</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificates.qml" line="290" />
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>CharacterPad</name>
    <message>
        <location filename="../qml/Kiosk/CharacterPad.qml" line="75" />
        <source>删除</source>
        <translation>Del</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/CharacterPad.qml" line="82" />
        <source>清空</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>Clock</name>
    <message>
        <location filename="../qml/Kiosk/Clock.qml" line="19" />
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Clock.qml" line="19" />
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Clock.qml" line="19" />
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Clock.qml" line="19" />
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Clock.qml" line="20" />
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Clock.qml" line="20" />
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Clock.qml" line="20" />
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
</context>
<context>
    <name>ExitConfirm</name>
    <message>
        <location filename="../qml/Kiosk/ExitConfirm.qml" line="30" />
        <location filename="../qml/Kiosk/ExitConfirm.qml" line="39" />
        <source>确定要退出吗？</source>
        <translation>Leave now?</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/ExitConfirm.qml" line="49" />
        <source>退出后，本机会清除您读取的证件和填写的内容。下次需要重新办理。</source>
        <translation>Leaving clears the card you read and everything you entered from this terminal. You would have to start again.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/ExitConfirm.qml" line="62" />
        <source>确定退出</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/ExitConfirm.qml" line="16" />
        <location filename="../qml/Kiosk/ExitConfirm.qml" line="69" />
        <source>继续办理</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>FaceCheck</name>
    <message>
        <location filename="../qml/screens/FaceCheck.qml" line="10" />
        <source>人脸核验</source>
        <translation>Face check</translation>
    </message>
    <message>
        <location filename="../qml/screens/FaceCheck.qml" line="11" />
        <source>人脸核验。请看着屏幕，按提示做</source>
        <translation>Face check. Look at the screen and do as it says.</translation>
    </message>
    <message>
        <location filename="../qml/screens/FaceCheck.qml" line="56" />
        <source>请正对摄像头，把脸放进框内</source>
        <translation>Face the camera and put your face in the oval</translation>
    </message>
    <message>
        <location filename="../qml/screens/FaceCheck.qml" line="69" />
        <source>请按提示做动作，以确认是本人在操作</source>
        <translation>Make the movement shown, so we know it is really you</translation>
    </message>
    <message>
        <location filename="../qml/screens/FaceCheck.qml" line="70" />
        <source>摘下帽子和口罩，保持光线充足</source>
        <translation>Take off hat and mask, and stay in good light</translation>
    </message>
    <message>
        <location filename="../qml/screens/FaceCheck.qml" line="82" />
        <source>第 %1 次，共 %2 次</source>
        <translation>Attempt %1 of %2</translation>
    </message>
    <message>
        <location filename="../qml/screens/FaceCheck.qml" line="102" />
        <source>请到窗口请工作人员协助</source>
        <translation>Please go to a service window and ask the staff for help</translation>
    </message>
    <message>
        <location filename="../qml/screens/FaceCheck.qml" line="119" />
        <source>再试一次</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../qml/screens/FaceCheck.qml" line="125" />
        <source>请工作人员核验身份</source>
        <translation>Have staff verify my identity</translation>
    </message>
    <message>
        <location filename="../qml/screens/FaceCheck.qml" line="135" />
        <source>返回首页</source>
        <translation>Back to home</translation>
    </message>
</context>
<context>
    <name>FacePreview</name>
    <message>
        <location filename="../qml/Kiosk/FacePreview.qml" line="33" />
        <source>正在打开摄像头…</source>
        <translation>Opening the camera…</translation>
    </message>
</context>
<context>
    <name>Glossary</name>
    <message>
        <location filename="../qml/screens/Glossary.qml" line="11" />
        <source>词语解释</source>
        <translation>What words mean</translation>
    </message>
    <message>
        <location filename="../qml/screens/Glossary.qml" line="12" />
        <source>词语解释。这里用平常的话说明办事常见的词，看完请点返回</source>
        <translation>What words mean. Official words explained in everyday language; tap Back when you have read them</translation>
    </message>
</context>
<context>
    <name>GroupTile</name>
    <message>
        <location filename="../qml/Kiosk/GroupTile.qml" line="49" />
        <source>%1 项</source>
        <translation>%1 services</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <location filename="../qml/screens/Guide.qml" line="12" />
        <source>事项已更新</source>
        <translation>Service updated</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="268" />
        <source>该事项已调整，请返回重新查找。</source>
        <translation>This service has changed; please go back and look it up again.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="117" />
        <source>对象：%1</source>
        <translation>For: %1</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="160" />
        <source>办理条件</source>
        <translation>Who can apply</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="168" />
        <source>需要带的材料（共 %1 项）</source>
        <translation>What to bring (%1 items)</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="99" />
        <source>仅以下情况需要：%1</source>
        <translation>Only needed: %1</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="13" />
        <source>这是办事指南。可以打印材料清单，或者取号</source>
        <translation>This is the service guide. You can print the list of papers, or take a number.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="102" />
        <source>样例：%1</source>
        <translation>Example: %1</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="103" />
        <source>可在本机拍照上传</source>
        <translation>Can be photographed at this terminal</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="147" />
        <source>在本机只能为自己申请。替他人办理，请到窗口咨询。</source>
        <translation>On this machine you can apply only for yourself. To apply for someone else, please ask at the window.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="154" />
        <source>词语解释</source>
        <translation>What words mean</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="173" />
        <source>不用带（部门共享获取）</source>
        <translation>No need to bring (fetched by data sharing)</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="176" />
        <source>收费</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="177" />
        <source>不收费</source>
        <translation>Free of charge</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="179" />
        <source>办理时限</source>
        <translation>Time limits</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="180" />
        <source>承诺时限：%1</source>
        <translation>Promised: %1</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="180" />
        <source>法定时限：%1</source>
        <translation>Statutory: %1</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="182" />
        <source>办理地点</source>
        <translation>Where to go</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="186" />
        <source>办理时间：%1</source>
        <translation>Opening hours: %1</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="187" />
        <source>咨询电话：%1</source>
        <translation>Phone: %1</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="190" />
        <source>办理依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="223" />
        <source>打印机暂不可用。请点“打印材料清单”，用手机扫描显示的二维码。</source>
        <translation>The printer is not working. Tap "Print checklist", then scan the QR code shown with your phone.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="404" />
        <source>还有 %1 项</source>
        <translation>%1 more</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="415" />
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="421" />
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="21" />
        <location filename="../qml/screens/Guide.qml" line="204" />
        <source>材料清单已打印，请从出纸口取走</source>
        <translation>The checklist is printed; please take it from the slot</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="146" />
        <source>可以由家人或亲友代办。代办人在本机刷自己的身份证，填写申请人的信息。再拍下授权委托书。</source>
        <translation>A family member or friend may apply for you. The helper uses their own ID card here and types your details. Then they photograph the power of attorney.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="205" />
        <source>未能打印材料清单</source>
        <translation>The checklist could not be printed</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="206" />
        <source>正在打印材料清单…</source>
        <translation>Printing the checklist…</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="217" />
        <source>用手机扫码查看这份办事指南</source>
        <translation>Scan with your phone to keep this guide</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="239" />
        <source>打印材料清单</source>
        <translation>Print checklist</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="240" />
        <source>正在打印</source>
        <translation>Printing</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="249" />
        <source>取号（%1 人等候）</source>
        <translation>Take a number (%1 waiting)</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="249" />
        <source>取号</source>
        <translation>Take a number</translation>
    </message>
    <message>
        <location filename="../qml/screens/Guide.qml" line="258" />
        <source>在本机申请</source>
        <translation>Apply here</translation>
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
        <translation>办</translation>
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
        <translation>号</translation>
    </message>
    <message>
        <location filename="../qml/screens/Home.qml" line="20" />
        <source>评</source>
        <translation>评</translation>
    </message>
    <message>
        <location filename="../qml/screens/Home.qml" line="11" />
        <source>这是首页。请点您要办的事，也可以搜索</source>
        <translation>This is the home screen. Tap what you need, or search.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Home.qml" line="15" />
        <source>办事指南</source>
        <translation>Service guide</translation>
    </message>
    <message>
        <location filename="../qml/screens/Home.qml" line="15" />
        <source>查事项、看要带的材料</source>
        <translation>Find a service and what to bring</translation>
    </message>
    <message>
        <location filename="../qml/screens/Home.qml" line="16" />
        <source>我要办事</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../qml/screens/Home.qml" line="16" />
        <source>刷身份证，在线申请</source>
        <translation>Apply with your ID card</translation>
    </message>
    <message>
        <location filename="../qml/screens/Home.qml" line="17" />
        <source>进度查询</source>
        <translation>Track progress</translation>
    </message>
    <message>
        <location filename="../qml/screens/Home.qml" line="17" />
        <source>凭受理编号查办理进度</source>
        <translation>Track an application by its number</translation>
    </message>
    <message>
        <location filename="../qml/screens/Home.qml" line="18" />
        <source>证明打印</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <location filename="../qml/screens/Home.qml" line="18" />
        <source>打印各类证明材料</source>
        <translation>Print certificates</translation>
    </message>
    <message>
        <location filename="../qml/screens/Home.qml" line="19" />
        <source>取号</source>
        <translation>Queue number</translation>
    </message>
    <message>
        <location filename="../qml/screens/Home.qml" line="19" />
        <source>领取窗口排队号</source>
        <translation>Get a number for a window</translation>
    </message>
    <message>
        <location filename="../qml/screens/Home.qml" line="20" />
        <source>评价</source>
        <translation>Rate us</translation>
    </message>
    <message>
        <location filename="../qml/screens/Home.qml" line="20" />
        <source>好差评，说说您的感受</source>
        <translation>Tell us how we did</translation>
    </message>
    <message>
        <location filename="../qml/screens/Home.qml" line="36" />
        <source>您好，请选择要办理的业务</source>
        <translation>Hello, what would you like to do?</translation>
    </message>
    <message>
        <location filename="../qml/screens/Home.qml" line="66" />
        <source>搜索事项，如：身份证、公积金、gjj</source>
        <translation>Search services, like ID card or housing fund</translation>
    </message>
</context>
<context>
    <name>Identified</name>
    <message>
        <location filename="../qml/screens/Identified.qml" line="9" />
        <source>身份核验通过</source>
        <translation>Identity confirmed</translation>
    </message>
    <message>
        <location filename="../qml/screens/Identified.qml" line="10" />
        <source>身份核验通过。请点“继续”</source>
        <translation>Identity confirmed. Tap "Continue".</translation>
    </message>
    <message>
        <location filename="../qml/screens/Identified.qml" line="36" />
        <source>您的身份已核验</source>
        <translation>Your identity has been confirmed</translation>
    </message>
    <message>
        <location filename="../qml/screens/Identified.qml" line="59" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../qml/screens/Identified.qml" line="67" />
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../qml/screens/Identified.qml" line="75" />
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../qml/screens/Identified.qml" line="78" />
        <source>长期</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <location filename="../qml/screens/Identified.qml" line="88" />
        <source>下一步选择要打印的证明</source>
        <translation>Next, choose the certificate to print</translation>
    </message>
    <message>
        <location filename="../qml/screens/Identified.qml" line="89" />
        <source>下一步查看您名下全部办件的进度</source>
        <translation>Next: the progress of all your applications</translation>
    </message>
    <message>
        <location filename="../qml/screens/Identified.qml" line="90" />
        <source>下一步填写申请表，表中信息已按证件预先填好</source>
        <translation>Next, fill in the application form; details from your card are already filled in</translation>
    </message>
    <message>
        <location filename="../qml/screens/Identified.qml" line="101" />
        <source>继续</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>Identify</name>
    <message>
        <location filename="../qml/screens/Identify.qml" line="10" />
        <source>刷身份证</source>
        <translation>Scan your ID card</translation>
    </message>
    <message>
        <location filename="../qml/screens/Identify.qml" line="11" />
        <source>刷身份证。请将身份证放在读卡区</source>
        <translation>Read your ID card. Place it on the card reader.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Identify.qml" line="42" />
        <source>请将身份证放在读卡区</source>
        <translation>Place your ID card on the reader</translation>
    </message>
    <message>
        <location filename="../qml/screens/Identify.qml" line="52" />
        <source>照片面朝上，平放不动，读完前请不要拿开</source>
        <translation>Photo side up, lay it flat and keep it there until it has been read</translation>
    </message>
    <message>
        <location filename="../qml/screens/Identify.qml" line="67" />
        <source>替家人或亲友办理？请刷您自己的身份证，下一步再选“为他人代办”。</source>
        <translation>Applying for a family member or friend? Put your own ID card here, then choose "Apply for someone else" in the next step.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Identify.qml" line="82" />
        <source>读卡器已就绪</source>
        <translation>Card reader ready</translation>
    </message>
    <message>
        <location filename="../qml/screens/Identify.qml" line="96" />
        <source>过期证件不能在本机办理，请换用有效的证件。</source>
        <translation>An expired card cannot be used at this terminal. Please use a valid card.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Identify.qml" line="104" />
        <source>已读取证件：%1</source>
        <translation>Card read: %1</translation>
    </message>
    <message>
        <location filename="../qml/screens/Identify.qml" line="114" />
        <source>继续人脸核验</source>
        <translation>Continue to the face check</translation>
    </message>
    <message>
        <location filename="../qml/screens/Identify.qml" line="120" />
        <source>重新放卡</source>
        <translation>Place the card again</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../qml/Kiosk/IdleOverlay.qml" line="35" />
        <source>还要继续吗？ %1 秒</source>
        <translation>Still there? %1 s</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/IdleOverlay.qml" line="45" />
        <source>时间到后将返回首页，并清除您在本机填写的全部信息。</source>
        <translation>When time runs out the terminal returns to the start and erases everything you entered.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/IdleOverlay.qml" line="58" />
        <source>结束办理</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/IdleOverlay.qml" line="17" />
        <location filename="../qml/Kiosk/IdleOverlay.qml" line="64" />
        <source>继续办理</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="20" />
        <source>政务服务自助终端</source>
        <translation>Government self-service terminal</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="106" />
        <source>身份证还在读卡器上，离开时请取回</source>
        <translation>Your ID card is still on the reader. Take it with you when you leave.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="157" />
        <source>读卡成功，请取回身份证</source>
        <translation>Card read. Please take your ID card back.</translation>
    </message>
</context>
<context>
    <name>Maintenance</name>
    <message>
        <location filename="../qml/screens/Maintenance.qml" line="11" />
        <source>设备诊断</source>
        <translation>Diagnostics</translation>
    </message>
    <message>
        <location filename="../qml/screens/Maintenance.qml" line="28" />
        <source>检测中…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../qml/screens/Maintenance.qml" line="28" />
        <source>重新检测</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../qml/screens/Maintenance.qml" line="34" />
        <source>打印测试页</source>
        <translation>Print test page</translation>
    </message>
    <message>
        <location filename="../qml/screens/Maintenance.qml" line="40" />
        <source>维护工具</source>
        <translation>Maintenance tools</translation>
    </message>
    <message>
        <location filename="../qml/screens/Maintenance.qml" line="45" />
        <source>退出维护</source>
        <translation>Leave maintenance</translation>
    </message>
    <message>
        <location filename="../qml/screens/Maintenance.qml" line="58" />
        <source>修改维护密码</source>
        <translation>Change maintenance PIN</translation>
    </message>
    <message>
        <location filename="../qml/screens/Maintenance.qml" line="64" />
        <source>设置核验密码</source>
        <translation>Set the verification PIN</translation>
    </message>
    <message>
        <location filename="../qml/screens/Maintenance.qml" line="73" />
        <source>工作人员核验密码：已设置</source>
        <translation>Staff verification PIN: set</translation>
    </message>
    <message>
        <location filename="../qml/screens/Maintenance.qml" line="74" />
        <source>工作人员核验密码：未设置，人脸无法比对时不能由工作人员核验</source>
        <translation>Staff verification PIN: not set; staff cannot verify citizens whose face cannot be compared</translation>
    </message>
    <message>
        <location filename="../qml/screens/Maintenance.qml" line="83" />
        <source>重启程序</source>
        <translation>Restart the kiosk</translation>
    </message>
    <message>
        <location filename="../qml/screens/Maintenance.qml" line="90" />
        <source>退出到桌面</source>
        <translation>Leave to the desktop</translation>
    </message>
    <message>
        <location filename="../qml/screens/Maintenance.qml" line="98" />
        <source>退出到桌面后终端停止服务，直到重新启动自助服务。</source>
        <translation>After leaving to the desktop the terminal serves nobody until the kiosk is started again.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Maintenance.qml" line="109" />
        <source>维护密码已更新。</source>
        <translation>Maintenance PIN changed.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Maintenance.qml" line="110" />
        <source>核验密码已设置。</source>
        <translation>Verification PIN set.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Maintenance.qml" line="142" />
        <source>上次打印未完成</source>
        <translation>Last print did not finish</translation>
    </message>
    <message>
        <location filename="../qml/screens/Maintenance.qml" line="151" />
        <source>重新打印</source>
        <translation>Print again</translation>
    </message>
    <message>
        <location filename="../qml/screens/Maintenance.qml" line="156" />
        <source>忽略</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../qml/screens/Maintenance.qml" line="180" />
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../qml/screens/Maintenance.qml" line="180" />
        <source>故障</source>
        <translation>Fault</translation>
    </message>
    <message>
        <location filename="../qml/screens/Maintenance.qml" line="206" />
        <source>最近日志（证件号与姓名已遮挡）</source>
        <translation>Recent log (ID numbers and names masked)</translation>
    </message>
</context>
<context>
    <name>MaintenanceCare</name>
    <message>
        <location filename="../qml/screens/MaintenanceCare.qml" line="11" />
        <source>维护工具</source>
        <translation>Maintenance tools</translation>
    </message>
    <message>
        <location filename="../qml/screens/MaintenanceCare.qml" line="27" />
        <source>设备自检</source>
        <translation>Device self-tests</translation>
    </message>
    <message>
        <location filename="../qml/screens/MaintenanceCare.qml" line="33" />
        <source>离线队列</source>
        <translation>Offline queue</translation>
    </message>
    <message>
        <location filename="../qml/screens/MaintenanceCare.qml" line="39" />
        <source>配置与诊断包</source>
        <translation>Configuration and bundle</translation>
    </message>
    <message>
        <location filename="../qml/screens/MaintenanceCare.qml" line="61" />
        <source>全部自检</source>
        <translation>Run all tests</translation>
    </message>
    <message>
        <location filename="../qml/screens/MaintenanceCare.qml" line="66" />
        <source>读卡自检请先在读卡器上放一张测试卡；打印自检会打印一张测试页。</source>
        <translation>For the card test, place a test card on the reader first; the printer test prints a test page.</translation>
    </message>
    <message>
        <location filename="../qml/screens/MaintenanceCare.qml" line="98" />
        <source>检测中</source>
        <translation>Testing</translation>
    </message>
    <message>
        <location filename="../qml/screens/MaintenanceCare.qml" line="98" />
        <source>未检测</source>
        <translation>Not tested</translation>
    </message>
    <message>
        <location filename="../qml/screens/MaintenanceCare.qml" line="99" />
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../qml/screens/MaintenanceCare.qml" line="99" />
        <source>未通过</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../qml/screens/MaintenanceCare.qml" line="124" />
        <source>检测</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../qml/screens/MaintenanceCare.qml" line="138" />
        <source>离线队列不可用：%1</source>
        <translation>Offline queue unavailable: %1</translation>
    </message>
    <message>
        <location filename="../qml/screens/MaintenanceCare.qml" line="139" />
        <source>连接：%1　待上传 %2　上传中 %3　已确认 %4　已清除 %5　隔离 %6</source>
        <translation>Link: %1　pending %2　sending %3　acknowledged %4　purged %5　quarantined %6</translation>
    </message>
    <message>
        <location filename="../qml/screens/MaintenanceCare.qml" line="143" />
        <source>　最早待上传：%1前</source>
        <translation>　oldest pending: %1 ago</translation>
    </message>
    <message>
        <location filename="../qml/screens/MaintenanceCare.qml" line="144" />
        <source>　上次同步：%1前</source>
        <translation>　last sync: %1 ago</translation>
    </message>
    <message>
        <location filename="../qml/screens/MaintenanceCare.qml" line="153" />
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../qml/screens/MaintenanceCare.qml" line="169" />
        <source>隔离的记录（平台未接收）</source>
        <translation>Quarantined records (not accepted by the platform)</translation>
    </message>
    <message>
        <location filename="../qml/screens/MaintenanceCare.qml" line="169" />
        <source>最近的申请（受理编号已遮挡）</source>
        <translation>Recent applications (tracking numbers masked)</translation>
    </message>
    <message>
        <location filename="../qml/screens/MaintenanceCare.qml" line="203" />
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../qml/screens/MaintenanceCare.qml" line="211" />
        <source>补打回执</source>
        <translation>Reprint receipt</translation>
    </message>
    <message>
        <location filename="../qml/screens/MaintenanceCare.qml" line="225" />
        <source>导出诊断包</source>
        <translation>Export diagnostic bundle</translation>
    </message>
    <message>
        <location filename="../qml/screens/MaintenanceCare.qml" line="230" />
        <source>保存到：%1（不含证件号、姓名、照片和密钥）</source>
        <translation>Saved to: %1 (no ID numbers, names, photos or keys)</translation>
    </message>
</context>
<context>
    <name>NavBar</name>
    <message>
        <location filename="../qml/Kiosk/NavBar.qml" line="34" />
        <source>‹ 返回</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/NavBar.qml" line="39" />
        <source>⌂ 首页</source>
        <translation>⌂ Home</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/NavBar.qml" line="45" />
        <source>标准版</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/NavBar.qml" line="53" />
        <source>长辈版</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/NavBar.qml" line="67" />
        <source>退出</source>
        <translation>Exit</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../qml/screens/PinPad.qml" line="21" />
        <source>维护模式</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <location filename="../qml/screens/PinPad.qml" line="18" />
        <source>工作人员核验身份</source>
        <translation>Identity checked by staff</translation>
    </message>
    <message>
        <location filename="../qml/screens/PinPad.qml" line="19" />
        <source>设置维护密码</source>
        <translation>Set the maintenance PIN</translation>
    </message>
    <message>
        <location filename="../qml/screens/PinPad.qml" line="20" />
        <source>设置核验密码</source>
        <translation>Set the verification PIN</translation>
    </message>
    <message>
        <location filename="../qml/screens/PinPad.qml" line="21" />
        <source>退出到桌面</source>
        <translation>Leave to the desktop</translation>
    </message>
    <message>
        <location filename="../qml/screens/PinPad.qml" line="22" />
        <source>请工作人员输入密码</source>
        <translation>Staff: please enter your PIN.</translation>
    </message>
    <message>
        <location filename="../qml/screens/PinPad.qml" line="80" />
        <source>请工作人员核对证件与本人后输入核验密码</source>
        <translation>Staff: check the card against the person, then enter the verification PIN</translation>
    </message>
    <message>
        <location filename="../qml/screens/PinPad.qml" line="81" />
        <source>请再次输入新密码</source>
        <translation>Enter the new PIN again</translation>
    </message>
    <message>
        <location filename="../qml/screens/PinPad.qml" line="82" />
        <source>出厂密码只能用来设置新密码。请输入新的维护密码（6–12 位数字）。</source>
        <translation>The factory PIN can only be used to set a new one. Enter a new maintenance PIN (6–12 digits).</translation>
    </message>
    <message>
        <location filename="../qml/screens/PinPad.qml" line="83" />
        <source>请输入新的维护密码（6–12 位数字）</source>
        <translation>Enter a new maintenance PIN (6–12 digits)</translation>
    </message>
    <message>
        <location filename="../qml/screens/PinPad.qml" line="84" />
        <source>请输入新的核验密码（6–12 位数字，不能与维护密码相同）</source>
        <translation>Enter a new verification PIN (6–12 digits, not the maintenance PIN)</translation>
    </message>
    <message>
        <location filename="../qml/screens/PinPad.qml" line="85" />
        <source>再次输入维护密码，确认退出到桌面</source>
        <translation>Enter the maintenance PIN again to leave to the desktop</translation>
    </message>
    <message>
        <location filename="../qml/screens/PinPad.qml" line="86" />
        <source>请输入维护密码</source>
        <translation>Enter the maintenance PIN</translation>
    </message>
    <message>
        <location filename="../qml/screens/PinPad.qml" line="97" />
        <source>正在核对…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../qml/screens/PinPad.qml" line="108" />
        <source>错误次数过多，请 %1 分钟后再试。</source>
        <translation>Too many wrong PINs; try again in %1 min.</translation>
    </message>
    <message>
        <location filename="../qml/screens/PinPad.qml" line="109" />
        <source>错误次数过多，请 %1 秒后再试。</source>
        <translation>Too many wrong PINs; try again in %1 s.</translation>
    </message>
    <message>
        <location filename="../qml/screens/PinPad.qml" line="110" />
        <source>核验密码尚未设置，请到窗口办理，或请工作人员在维护模式中设置。</source>
        <translation>No verification PIN has been set. Please go to a service window, or ask staff to set one in maintenance mode.</translation>
    </message>
    <message>
        <location filename="../qml/screens/PinPad.qml" line="111" />
        <source>密码不正确。</source>
        <translation>Wrong PIN.</translation>
    </message>
    <message>
        <location filename="../qml/screens/PinPad.qml" line="112" />
        <source>两次输入不一致，请重新设置。</source>
        <translation>The two entries differ. Please start again.</translation>
    </message>
    <message>
        <location filename="../qml/screens/PinPad.qml" line="113" />
        <source>这个密码太容易猜到，请换一个（6–12 位数字，不要重复或连续的数字）。</source>
        <translation>That PIN is too easy to guess. Choose another (6–12 digits, no repeated or consecutive digits).</translation>
    </message>
    <message>
        <location filename="../qml/screens/PinPad.qml" line="114" />
        <source>核验密码不能与维护密码相同。</source>
        <translation>The verification PIN must differ from the maintenance PIN.</translation>
    </message>
    <message>
        <location filename="../qml/screens/PinPad.qml" line="115" />
        <source>新密码未能保存，原密码仍然有效，请查看设备诊断。</source>
        <translation>The new PIN could not be saved; the old one still applies. See diagnostics.</translation>
    </message>
    <message>
        <location filename="../qml/screens/PinPad.qml" line="116" />
        <source>请先输入维护密码。</source>
        <translation>Enter the maintenance PIN first.</translation>
    </message>
    <message>
        <location filename="../qml/screens/PinPad.qml" line="151" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <location filename="../qml/screens/Placeholder.qml" line="10" />
        <source>本终端暂未开通此项服务。请到服务窗口咨询</source>
        <translation>This terminal does not offer this service yet. Please ask at a service window.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Placeholder.qml" line="20" />
        <source>本终端暂未开通此项服务。</source>
        <translation>This service is not available at this terminal yet.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Placeholder.qml" line="29" />
        <source>请到服务窗口咨询，或拨打服务热线 %1。</source>
        <translation>Please ask at a service window or call the hotline %1.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Placeholder.qml" line="38" />
        <source>返回首页</source>
        <translation>Back to home</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <location filename="../qml/screens/Progress.qml" line="12" />
        <source>进度查询</source>
        <translation>Track progress</translation>
    </message>
    <message>
        <location filename="../qml/screens/Progress.qml" line="50" />
        <source>受理编号</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <location filename="../qml/screens/Progress.qml" line="61" />
        <source>例如 %1 2024 0501 0000 01X</source>
        <translation>For example %1 2024 0501 0000 01X</translation>
    </message>
    <message>
        <location filename="../qml/screens/Progress.qml" line="73" />
        <source>查询</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../qml/screens/Progress.qml" line="74" />
        <location filename="../qml/screens/Progress.qml" line="111" />
        <source>正在查询</source>
        <translation>Checking</translation>
    </message>
    <message>
        <location filename="../qml/screens/Progress.qml" line="74" />
        <source>请先输入受理编号</source>
        <translation>Type the tracking number first</translation>
    </message>
    <message>
        <location filename="../qml/screens/Progress.qml" line="99" />
        <source>正在查询…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../qml/screens/Progress.qml" line="13" />
        <source>进度查询。请输入受理编号、扫描回执二维码，或者刷身份证</source>
        <translation>Check progress. Type the tracking number, scan the receipt's QR code, or place your ID card.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Progress.qml" line="35" />
        <source>请输入回执上的受理编号（字母和数字）。也可以把身份证放到读卡区，再核验人脸。</source>
        <translation>Enter the tracking number from your receipt (letters and digits). Or place your ID card on the reader and pass the face check.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Progress.qml" line="110" />
        <source>扫描回执二维码</source>
        <translation>Scan receipt QR</translation>
    </message>
    <message>
        <location filename="../qml/screens/Progress.qml" line="150" />
        <source>正在打开摄像头…</source>
        <translation>Opening the camera…</translation>
    </message>
    <message>
        <location filename="../qml/screens/Progress.qml" line="172" />
        <source>请将回执上的二维码对准摄像头，保持不动</source>
        <translation>Hold the QR code on your receipt up to the camera and keep it still</translation>
    </message>
    <message>
        <location filename="../qml/screens/Progress.qml" line="184" />
        <source>停止扫描</source>
        <translation>Stop scanning</translation>
    </message>
    <message>
        <location filename="../qml/screens/Progress.qml" line="194" />
        <source>按身份证查询（需人脸核验）</source>
        <translation>Look up by ID card (face check required)</translation>
    </message>
    <message>
        <location filename="../qml/screens/Progress.qml" line="207" />
        <source>您名下的办件</source>
        <translation>Your applications</translation>
    </message>
    <message>
        <location filename="../qml/screens/Progress.qml" line="258" />
        <source>受理编号：%1</source>
        <translation>Tracking number: %1</translation>
    </message>
    <message>
        <location filename="../qml/screens/Progress.qml" line="281" />
        <source>“%1”是什么意思？</source>
        <translation>What does "%1" mean?</translation>
    </message>
    <message>
        <location filename="../qml/screens/Progress.qml" line="302" />
        <source>需要您补正的内容</source>
        <translation>What you need to supply</translation>
    </message>
    <message>
        <location filename="../qml/screens/Progress.qml" line="303" />
        <source>退回原因</source>
        <translation>Why it was returned</translation>
    </message>
    <message>
        <location filename="../qml/screens/Progress.qml" line="324" />
        <source>请按上面的说明准备好，带上回执到服务窗口办理。</source>
        <translation>Please get ready what is asked above and bring your receipt to a service window.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Progress.qml" line="325" />
        <source>如有疑问，请带上回执到服务窗口咨询。</source>
        <translation>If you have questions, bring your receipt to a service window.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Progress.qml" line="337" />
        <source>平台办件号：%1</source>
        <translation>Case number: %1</translation>
    </message>
    <message>
        <location filename="../qml/screens/Progress.qml" line="347" />
        <source>本机记录（网络未连接）</source>
        <translation>Record on this terminal (network not connected)</translation>
    </message>
    <message>
        <location filename="../qml/screens/Progress.qml" line="346" />
        <source>来自政务服务平台</source>
        <translation>From the government service platform</translation>
    </message>
</context>
<context>
    <name>Rating</name>
    <message>
        <location filename="../qml/screens/Rating.qml" line="12" />
        <source>请为本次服务评价</source>
        <translation>Please rate this service</translation>
    </message>
    <message>
        <location filename="../qml/screens/Rating.qml" line="33" />
        <source>办理事项：%1</source>
        <translation>Service: %1</translation>
    </message>
    <message>
        <location filename="../qml/screens/Rating.qml" line="13" />
        <location filename="../qml/screens/Rating.qml" line="42" />
        <source>您对本次服务满意吗？点一下即可</source>
        <translation>Were you satisfied with this service? One tap is enough</translation>
    </message>
    <message>
        <location filename="../qml/screens/Rating.qml" line="83" />
        <source>您选择了“%1”。哪里让您不满意？可以选几项，也可以不选。</source>
        <translation>You chose “%1”. What went wrong? Choose any that apply, or none.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Rating.qml" line="120" />
        <source>重新选择满意度</source>
        <translation>Choose the rating again</translation>
    </message>
    <message>
        <location filename="../qml/screens/Rating.qml" line="127" />
        <source>提交评价</source>
        <translation>Submit rating</translation>
    </message>
    <message>
        <location filename="../qml/screens/Rating.qml" line="137" />
        <source>感谢您的评价！</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <location filename="../qml/screens/Rating.qml" line="138" />
        <source>本次服务结束，您的信息将从本机清除。</source>
        <translation>This visit is over; your details will be cleared from this terminal.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Rating.qml" line="146" />
        <source>不评价，结束</source>
        <translation>Finish without rating</translation>
    </message>
    <message>
        <location filename="../qml/screens/Rating.qml" line="147" />
        <source>结束</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../qml/screens/Review.qml" line="11" />
        <source>核对申请信息</source>
        <translation>Check your application</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="13" />
        <source>核对代办申请。请看一遍，拍好授权委托书，勾选同意，再点“确认提交”</source>
        <translation>Check this application for someone else. Read it, photograph the power of attorney, tick the consent, then tap "Submit"</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="14" />
        <source>核对申请信息。请看一遍，勾选同意，再点“确认提交”</source>
        <translation>Check your application. Read it, tick your consent, then tap "Submit".</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="90" />
        <source>（未填写）</source>
        <translation>(not filled in)</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="118" />
        <source>材料拍照：代办必须拍摄授权委托书；其他材料可选，拍好的随申请一起提交</source>
        <translation>Photos of documents: for someone else, the power of attorney must be photographed; the others are optional and go with the application</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="119" />
        <source>材料拍照（可选）：拍好的材料随申请一起提交，可不再带复印件</source>
        <translation>Photograph documents (optional): photos go with the application, so you need not bring copies</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="135" />
        <source>%1（必须拍摄）</source>
        <translation>%1 (must be photographed)</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="144" />
        <source>已拍%1张</source>
        <translation>%1 taken</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="144" />
        <source>未拍</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="152" />
        <source>补拍</source>
        <translation>More photos</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="152" />
        <source>拍照</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="179" />
        <source>正在保存您的申请…</source>
        <translation>Saving your application…</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="237" />
        <source>勾选上面的“我已阅读并同意”后，才能提交</source>
        <translation>Tick "I have read and agree" above to submit</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="252" />
        <source>返回修改</source>
        <translation>Back to edit</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="261" />
        <source>确认提交</source>
        <translation>Submit</translation>
    </message>
</context>
<context>
    <name>ScreenPage</name>
    <message>
        <location filename="../qml/Kiosk/ScreenPage.qml" line="57" />
        <source>✓ 已呼叫工作人员</source>
        <translation>✓ Staff called</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/ScreenPage.qml" line="57" />
        <source>呼叫工作人员</source>
        <translation>Call staff</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/ScreenPage.qml" line="58" />
        <source>请工作人员到本机来帮您</source>
        <translation>Ask a member of staff to come and help you here</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/ScreenPage.qml" line="66" />
        <source>再听一遍</source>
        <translation>Listen again</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/ScreenPage.qml" line="67" />
        <source>朗读本页的提示</source>
        <translation>Reads this screen's instructions aloud</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/ScreenPage.qml" line="76" />
        <source>声音</source>
        <translation>Voice</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/ScreenPage.qml" line="77" />
        <source>调节声音大小和快慢</source>
        <translation>Set how loud and how fast the voice speaks</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <location filename="../qml/screens/Search.qml" line="11" />
        <source>搜索事项</source>
        <translation>Search services</translation>
    </message>
    <message>
        <location filename="../qml/screens/Search.qml" line="12" />
        <source>搜索事项。请输入事项名称或拼音</source>
        <translation>Search. Type the name of the service, or its pinyin.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Search.qml" line="62" />
        <source>输入事项名称、拼音或首字母</source>
        <translation>Service name, pinyin or initials</translation>
    </message>
    <message>
        <location filename="../qml/screens/Search.qml" line="77" />
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../qml/screens/Search.qml" line="85" />
        <source>例如：身份证、公积金提取、结婚登记、gjj、sfz</source>
        <translation>For example: 身份证, 公积金提取, 结婚登记, gjj, sfz</translation>
    </message>
    <message>
        <location filename="../qml/screens/Search.qml" line="138" />
        <source>没有找到“%1”</source>
        <translation>Nothing found for "%1"</translation>
    </message>
    <message>
        <location filename="../qml/screens/Search.qml" line="139" />
        <source>换个说法试试，或按主题查找；也可以请工作人员帮忙，服务热线 %1。</source>
        <translation>Try other words or browse by theme; the staff can help too, or call %1.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Search.qml" line="142" />
        <source>按主题查找</source>
        <translation>Browse by theme</translation>
    </message>
</context>
<context>
    <name>SimTrayPanel</name>
    <message>
        <location filename="../qml/Kiosk/SimTrayPanel.qml" line="23" />
        <source>模拟设备（演示用）</source>
        <translation>Simulated devices (demo)</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/SimTrayPanel.qml" line="29" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/SimTrayPanel.qml" line="33" />
        <source>设备模拟器尚未就绪。</source>
        <translation>Device simulators are not ready.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/SimTrayPanel.qml" line="113" />
        <source>（暂无）</source>
        <translation>(none yet)</translation>
    </message>
</context>
<context>
    <name>StaffCallPanel</name>
    <message>
        <location filename="../qml/Kiosk/StaffCallPanel.qml" line="12" />
        <source>请到%1找工作人员</source>
        <translation>Please go to %1 for help</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/StaffCallPanel.qml" line="13" />
        <source>正在通知工作人员…</source>
        <translation>Telling staff…</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/StaffCallPanel.qml" line="14" />
        <source>工作人员马上就来</source>
        <translation>Staff are on their way</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/StaffCallPanel.qml" line="15" />
        <source>本机暂时无法通知工作人员，请您直接过去。</source>
        <translation>This terminal cannot reach staff right now. Please go to them directly.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/StaffCallPanel.qml" line="16" />
        <source>请在本机旁稍候。工作人员在%1。</source>
        <translation>Please wait by this terminal. Staff sit at %1.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/StaffCallPanel.qml" line="24" />
        <location filename="../qml/Kiosk/StaffCallPanel.qml" line="93" />
        <source>好的</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/StaffCallPanel.qml" line="70" />
        <source>服务热线 %1</source>
        <translation>Service hotline %1</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/StaffCallPanel.qml" line="84" />
        <source>取消呼叫</source>
        <translation>Cancel the call</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/StaffCallPanel.qml" line="85" />
        <source>正在取消</source>
        <translation>Cancelling</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/StaffCallPanel.qml" line="88" />
        <source>不需要工作人员了</source>
        <translation>I no longer need staff</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/StaffCallPanel.qml" line="94" />
        <source>关闭提示</source>
        <translation>Close this message</translation>
    </message>
</context>
<context>
    <name>Submitted</name>
    <message>
        <location filename="../qml/screens/Submitted.qml" line="10" />
        <source>申请已提交</source>
        <translation>Application submitted</translation>
    </message>
    <message>
        <location filename="../qml/screens/Submitted.qml" line="11" />
        <source>申请已提交。请取走回执，或记下受理编号</source>
        <translation>Your application is submitted. Take the receipt, or note the tracking number.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Submitted.qml" line="14" />
        <source>申请已提交，回执已打印，请从出纸口取走</source>
        <translation>Your application is submitted and the receipt is printed; please take it from the slot</translation>
    </message>
    <message>
        <location filename="../qml/screens/Submitted.qml" line="15" />
        <source>申请已提交，回执未能打印，请拍照或记下屏幕上的受理编号</source>
        <translation>Your application is submitted but the receipt could not be printed; please photograph or write down the tracking number on the screen</translation>
    </message>
    <message>
        <location filename="../qml/screens/Submitted.qml" line="63" />
        <source>受理编号</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <location filename="../qml/screens/Submitted.qml" line="87" />
        <source>回执已打印，请从出纸口取走并妥善保管</source>
        <translation>Your receipt is printed. Please take it from the slot and keep it safe</translation>
    </message>
    <message>
        <location filename="../qml/screens/Submitted.qml" line="88" />
        <source>回执未能打印，请拍照或记下受理编号</source>
        <translation>The receipt could not be printed. Please photograph or write down the tracking number</translation>
    </message>
    <message>
        <location filename="../qml/screens/Submitted.qml" line="89" />
        <source>正在打印回执…</source>
        <translation>Printing your receipt…</translation>
    </message>
    <message>
        <location filename="../qml/screens/Submitted.qml" line="91" />
        <source>您的申请已保存在本机，网络畅通时会自动上传。凭受理编号可随时查询进度。</source>
        <translation>Your application is saved on this terminal. It uploads when the network is back. Check its progress any time with the tracking number.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Submitted.qml" line="99" />
        <source>请拍照或记下受理编号，也可用手机扫码保存</source>
        <translation>Photograph or write down the tracking number, or scan it with your phone</translation>
    </message>
    <message>
        <location filename="../qml/screens/Submitted.qml" line="110" />
        <source>重新打印回执</source>
        <translation>Print the receipt again</translation>
    </message>
    <message>
        <location filename="../qml/screens/Submitted.qml" line="116" />
        <source>下一步：评价本次服务</source>
        <translation>Next: rate this service</translation>
    </message>
</context>
<context>
    <name>TakeCard</name>
    <message>
        <location filename="../qml/screens/TakeCard.qml" line="12" />
        <location filename="../qml/screens/TakeCard.qml" line="15" />
        <location filename="../qml/screens/TakeCard.qml" line="37" />
        <source>请取走身份证和回执</source>
        <translation>Please take your ID card and your receipt</translation>
    </message>
    <message>
        <location filename="../qml/screens/TakeCard.qml" line="47" />
        <source>本次服务已结束，您的信息已从本机清除。</source>
        <translation>This visit has ended and your information has been cleared from this terminal.</translation>
    </message>
</context>
<context>
    <name>Ticket</name>
    <message>
        <location filename="../qml/screens/Ticket.qml" line="11" />
        <location filename="../qml/screens/Ticket.qml" line="79" />
        <source>取号</source>
        <translation>Take a number</translation>
    </message>
    <message>
        <location filename="../qml/screens/Ticket.qml" line="13" />
        <source>取号。请点“取普通号”；老年人、残疾人、孕妇可以点“取优先号”</source>
        <translation>Take a number. Tap “Normal number”; elderly, disabled and pregnant visitors may tap “Priority number”</translation>
    </message>
    <message>
        <location filename="../qml/screens/Ticket.qml" line="14" />
        <source>取号。请点“取号”</source>
        <translation>Take a number. Tap “Take a number”</translation>
    </message>
    <message>
        <location filename="../qml/screens/Ticket.qml" line="15" />
        <source>取号。号票打印后请取走，等候叫号</source>
        <translation>Take a number. Take the ticket when it prints, then wait to be called.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Ticket.qml" line="19" />
        <source>您的号码是 %1。</source>
        <translation>Your number is %1. </translation>
    </message>
    <message>
        <location filename="../qml/screens/Ticket.qml" line="20" />
        <source>这是优先号，窗口会优先叫号。</source>
        <translation>It is a priority number: the window calls it first. </translation>
    </message>
    <message>
        <location filename="../qml/screens/Ticket.qml" line="56" />
        <source>办理窗口：%1</source>
        <translation>Windows: %1</translation>
    </message>
    <message>
        <location filename="../qml/screens/Ticket.qml" line="79" />
        <source>取普通号</source>
        <translation>Normal number</translation>
    </message>
    <message>
        <location filename="../qml/screens/Ticket.qml" line="81" />
        <source>领取窗口排队号</source>
        <translation>A queue number for the windows</translation>
    </message>
    <message>
        <location filename="../qml/screens/Ticket.qml" line="92" />
        <source>取优先号</source>
        <translation>Priority number</translation>
    </message>
    <message>
        <location filename="../qml/screens/Ticket.qml" line="92" />
        <source>老年人 · 残疾人 · 孕妇</source>
        <translation>Elderly · Disabled · Pregnant</translation>
    </message>
    <message>
        <location filename="../qml/screens/Ticket.qml" line="94" />
        <source>取优先号，老年人、残疾人、孕妇</source>
        <translation>Priority number, for elderly, disabled and pregnant visitors</translation>
    </message>
    <message>
        <location filename="../qml/screens/Ticket.qml" line="95" />
        <source>绿色通道，窗口优先叫号</source>
        <translation>Green channel: called first at the window</translation>
    </message>
    <message>
        <location filename="../qml/screens/Ticket.qml" line="104" />
        <source>优先号在窗口优先叫号，无需出示证明。</source>
        <translation>Priority numbers are called first at the window. No proof is needed.</translation>
    </message>
    <message>
        <location filename="../qml/screens/Ticket.qml" line="145" />
        <source>正在取号，请稍候…</source>
        <translation>Getting your number…</translation>
    </message>
    <message>
        <location filename="../qml/screens/Ticket.qml" line="155" />
        <source>您的号码</source>
        <translation>Your number</translation>
    </message>
    <message>
        <location filename="../qml/screens/Ticket.qml" line="222" />
        <source>请到 %1 等候叫号</source>
        <translation>Please wait at %1 until your number is called</translation>
    </message>
    <message>
        <location filename="../qml/screens/Ticket.qml" line="244" />
        <source>号票已打印，请从出纸口取走，留意叫号</source>
        <translation>Your ticket is printed; take it from the slot and listen for your number</translation>
    </message>
    <message>
        <location filename="../qml/screens/Ticket.qml" line="245" />
        <source>号票未能打印，请记住屏幕上的号码</source>
        <translation>The ticket could not be printed; please note the number on the screen</translation>
    </message>
    <message>
        <location filename="../qml/screens/Ticket.qml" line="246" />
        <source>未能取号</source>
        <translation>No number could be issued</translation>
    </message>
    <message>
        <location filename="../qml/screens/Ticket.qml" line="247" />
        <source>正在打印号票…</source>
        <translation>Printing your ticket…</translation>
    </message>
    <message>
        <location filename="../qml/screens/Ticket.qml" line="258" />
        <source>可用手机扫码或拍照保存您的号码</source>
        <translation>Scan or photograph this code to keep your number</translation>
    </message>
    <message>
        <location filename="../qml/screens/Ticket.qml" line="264" />
        <source>完成，返回首页</source>
        <translation>Done, back to home</translation>
    </message>
</context>
<context>
    <name>VoicePanel</name>
    <message>
        <location filename="../qml/Kiosk/VoicePanel.qml" line="56" />
        <source>声音大小和快慢</source>
        <translation>Voice loudness and speed</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/VoicePanel.qml" line="68" />
        <source>音量</source>
        <translation>Loudness</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/VoicePanel.qml" line="81" />
        <source>小声一点</source>
        <translation>Quieter</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/VoicePanel.qml" line="88" />
        <source>音量 %1 / %2</source>
        <translation>Loudness %1 of %2</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/VoicePanel.qml" line="95" />
        <source>大声一点</source>
        <translation>Louder</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/VoicePanel.qml" line="101" />
        <source>语速</source>
        <translation>Speed</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/VoicePanel.qml" line="114" />
        <source>慢一点</source>
        <translation>Slower</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/VoicePanel.qml" line="121" />
        <source>语速 %1 / %2</source>
        <translation>Speed %1 of %2</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/VoicePanel.qml" line="128" />
        <source>快一点</source>
        <translation>Faster</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/VoicePanel.qml" line="135" />
        <source>好了</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../qml/keyboard/layouts/fallback/main.qml" line="25" />
        <location filename="../qml/keyboard/layouts/zh_CN/main.qml" line="30" />
        <source>符号</source>
        <translation>#+=</translation>
    </message>
</context>
<context>
    <name>style</name>
    <message>
        <location filename="../qml/QtQuick/VirtualKeyboard/Styles/kiosk/style.qml" line="53" />
        <source>删除</source>
        <translation>Del</translation>
    </message>
    <message>
        <location filename="../qml/QtQuick/VirtualKeyboard/Styles/kiosk/style.qml" line="54" />
        <source>确定</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../qml/QtQuick/VirtualKeyboard/Styles/kiosk/style.qml" line="55" />
        <source>收起</source>
        <translation>Hide</translation>
    </message>
    <message>
        <location filename="../qml/QtQuick/VirtualKeyboard/Styles/kiosk/style.qml" line="56" />
        <source>空格</source>
        <translation>Space</translation>
    </message>
    <message>
        <location filename="../qml/QtQuick/VirtualKeyboard/Styles/kiosk/style.qml" line="60" />
        <source>大写锁定</source>
        <translation>CAPS</translation>
    </message>
    <message>
        <location filename="../qml/QtQuick/VirtualKeyboard/Styles/kiosk/style.qml" line="60" />
        <source>大写</source>
        <translation>Shift</translation>
    </message>
</context>
<context>
    <name>symbols</name>
    <message>
        <location filename="../qml/keyboard/layouts/fallback/symbols.qml" line="21" />
        <source>字母</source>
        <translation>ABC</translation>
    </message>
</context>
</TS>
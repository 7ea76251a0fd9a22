# シナリオ診断のメッセージ。メッセージ ID は安定したコードそのもの。`.hint` は直し方。

E001 = { $missing ->
        [yes] そのようなファイルもフォルダもありません
       *[other] ファイルを読み込めません: { $reason }
    }
    .hint = { $missing ->
        [yes] パスを確認してください。パスを付けない `claim-dojo validate` は、今いるフォルダの scenarios/ を検査します。
       *[other] パスと、ファイルが読める状態かを確認してください。
    }
E002 = ファイルが { $size } バイトあり、上限の { $limit } バイトを超えています
    .hint = シナリオは大きくても数百 KB です。シナリオ以外のファイルではありませんか。
E003 = 括弧の入れ子が { $limit } 段を超えています
    .hint = 閉じていない括弧を閉じてください。通常のシナリオの入れ子は 8 段ほどです。
E004 = ファイルが UTF-8 のテキストではありません
    .hint = UTF-8 で保存し直してください(Shift_JIS は不可)。位置は最初の不正なバイトです。
E005 = { $expected } が来るべき所に `{ $found }` があります
    .hint = この直前を確認してください。カンマや括弧の抜けがよくある原因です。
E006 = { $expected } が来るべき所でファイルが終わっています
    .hint = ファイルが途中で切れているか、前のほうで開いた括弧が閉じられていません。
E007 = 文字列が閉じられていません
    .hint = 閉じの `"` を追加してください。文中の `"` は `\"` と書きます。
E008 = コメントが閉じられていません
    .hint = `*/` で閉じてください。
E009 = 文字列の中に使えないエスケープがあります
    .hint = \n、\t、\\、\"、\u{"{"}…{"}"} が使えます。バックスラッシュそのものは \\ と書きます。
E010 = 数値として読めません
    .hint = 42、-5、0.75 のように書いてください。
E011 = シナリオの終わりの後に余分な文字があります
    .hint = 1 ファイルに 1 シナリオです。閉じの `)` の後ろを削除してください。
E012 = `{ $type }` に `{ $field }` というフィールドはありません
    .hint = { $suggested ->
        [yes] `{ $suggestion }` の書き間違いではありませんか。
       *[other] `{ $type }` のフィールド: { $expected }
    }
E013 = `{ $type }` に必須フィールド `{ $field }` がありません
    .hint = この `{ $type }` に `{ $field }: …` を追加してください。全フィールドは docs/scenario-format.md にあります。
E014 = フィールド `{ $field }` が 2 回書かれています
    .hint = 片方を削除してください。黙って後のほうが使われてしまいます。
E015 = { $expected } が必要ですが、{ $found } が書かれています
    .hint = このフィールドの書き方は docs/scenario-format.md を参照してください。
E016 = `{ $name }` は `{ $type }` の値として使えません
    .hint = { $suggested ->
        [yes] `{ $suggestion }` の書き間違いではありませんか。
       *[other] `{ $type }` に使える値は docs/scenario-format.md を参照してください。
    }
E017 = 不明なタグ `{ $name }`
    .hint = { $suggested ->
        [yes] `{ $suggestion }` の書き間違いではありませんか。タグの一覧は docs/scenario-format.md にあります。
       *[other] タグの一覧は docs/scenario-format.md にあります。
    }
E018 = 不明なキュー `{ $name }`
    .hint = { $suggested ->
        [yes] `{ $suggestion }` の書き間違いではありませんか。キューの一覧は docs/scenario-format.md にあります。
       *[other] キューの一覧は docs/scenario-format.md にあります。
    }
E019 = 不明なルール ID `{ $id }`
    .hint = ルール ID は DOMAIN.md のとおり "R01" から "R22" までです。
E020 = 不明な引き継ぎ項目 `{ $name }`
    .hint = { $suggested ->
        [yes] `{ $suggestion }` の書き間違いではありませんか。
       *[other] 項目は Customer、Request、Reason、State、Wants、Chatter です。
    }
E021 = シナリオ形式 { $found } には対応していません
    .hint = このバージョンの Claim Dojo が読めるのは形式 { $supported } です。
E022 = `{ $id }` は ID として使えません
    .hint = ID には英小文字・数字・`-`・`_` だけが使えます(64 文字まで)。例: "ask-order-number"
E023 = ノード ID `{ $id }` が重複しています
    .hint = ノード ID は一意にしてください。最初の `{ $id }` は { $first_line } 行目にあります。
E024 = 選択肢 ID `{ $id }` が重複しています
    .hint = 選択肢 ID はシナリオ全体で一意にしてください(スクリプトは ID で選択肢を指します)。最初のものは { $first_line } 行目です。
E025 = 選択肢 `{ $choice }` の行き先ノード `{ $id }` が存在しません
    .hint = { $suggested ->
        [yes] `{ $suggestion }` の書き間違いではありませんか。
       *[other] ID `{ $id }` のノードを追加するか、`next` を既存のノードに向けてください。
    }
E026 = 開始ノード `{ $id }` が存在しません
    .hint = { $suggested ->
        [yes] `{ $suggestion }` の書き間違いではありませんか。
       *[other] `start` にはいずれかのノードの ID を書いてください。
    }
E027 = ノード `{ $id }` には選択肢がなく、終了ノードでもありません
    .hint = 選択肢を追加するか、`ending: Resolved` などで終了ノードにしてください。
E028 = 終了ノード `{ $id }` に選択肢があります
    .hint = 終了ノードで通話は終わります。選択肢か `ending` のどちらかを削除してください。
E029 = ノード `{ $id }` からどの終了ノードにもたどり着けません
    .hint = どの経路でも通話を終えられるように、選択肢のどれかを終了へ向かわせてください。
E030 = { $behind ->
        [0] ノード `{ $id }` には開始ノード `{ $start }` からたどり着けません
       *[other] ノード `{ $id }` には開始ノード `{ $start }` からたどり着けず、その先の { $behind } ノード({ $examples })も同じです
    }
    .hint = { $likely_start ->
        [yes] どの選択肢もここに来ず、通話の大半がこの先にあります。`start` は `{ $id }` のつもりではありませんか。
       *[other] どの選択肢もここに来ません。`next` をここに向けるか、ノードを削除してください。
    }
E031 = { $lang ->
        [ja] 日本語
       *[en] 英語
    }のテキストがありません
    .hint = テキストには `ja` と `en` の両方が必要で、どちらも空にはできません。
E032 = `{ $field }` の { $value } は範囲外です({ $min } 〜 { $max })
    .hint = この値の意味は docs/scenario-format.md を参照してください。
E033 = ペルソナの `{ $what }` が { $value } ですが、hang_up_at({ $limit })より小さくする必要があります
    .hint = 平静帯も開始時の怒りも、電話を切る点より下でなければなりません。
E034 = Secondary シナリオには `handoff`(一次対応の記録)が必要です
    .hint = SV が引き継ぐ前に読む一次対応者の記録を追加してください(わざと不完全でもかまいません)。
E040 = 選択肢 `{ $choice }` はこの時点では選べません
    .hint = 今選べるもの: { $offered }
E041 = このファイルはシナリオ `{ $found }` 用で、`{ $expected }` 用ではありません
    .hint = 記録したときのシナリオで再生してください。
E042 = 結果ファイルとして読めません: { $message }
    .hint = `claim-dojo play --format json` が出力した JSON を使ってください。
W001 = 選択肢 `{ $id }` にタグがありません
    .hint = タグがないとエンジンは選択肢を判定できません。発言の働きを書いてください(例: FeelingsApology、ChecksFact)。
W002 = ルール { $rule } が挙げられていますが、シナリオのどこでも扱われていません
    .hint = { $rule } を守る/破る選択肢かキューを追加するか、`rules` から外してください。
W003 = 選択肢 `{ $id }` は「{ $word }」と言っていますが、Excuse タグがありません
    .hint = D言葉は言い訳に聞こえます。`Excuse` タグを付けるか、S言葉で言い換えてください。
W004 = シナリオ ID `{ $id }` とファイル名 `{ $file }` が一致しません
    .hint = ファイル名を `{ $id }.ron` にすると、レポートとファイルが対応します。
W005 = Primary シナリオの引き継ぎ記録は表示されません
    .hint = 引き継ぎブリーフィングは Secondary(SV)シナリオだけで表示されます。
W006 = 顧客が最初から平静です(怒り { $anger }、平静帯は { $calm } 未満)
    .hint = 3 分チェックが即座に合格してしまいます。怒りを `calm_below` 以上から始めてください。
W007 = 選択肢 `{ $id }` にタグ `{ $tag }` が 2 回あります
    .hint = 重複したタグを削除してください。

# trainer-tools (issue 17): floods summed up, placeholders, spreadsheets.
diagnostics-more = …ほかに { $file } で { $severity }[{ $code }] が { $count } 件あります(すべて見るには --format json)
W014 = 仮の文言「{ $text }」が残っています
    .hint = `claim-dojo new` のひな形の仮の文言です。研修生に見せる言葉に書き換えてください。
W015 = この台詞は言い終えるのに { $seconds } 秒かかり、3 分の枠の { $percent }% を使います
    .hint = お客様を落ち着かせる時間がほとんど残りません。短くするか、いくつかのノードに分けてください。
E055 = このファイルは UTF-8 でも Shift_JIS でも読めません
    .hint = Excel で「CSV UTF-8(コンマ区切り)」か「CSV(コンマ区切り)」として保存し直してください。位置は読めなくなった行です。
E056 = { $problem ->
        [no-table] ノードと選択肢の表がありません(1 列目が `{ $column }` の見出し行がありません)
        [missing-column] 表に列 `{ $column }` がありません
       *[repeated-column] 列 `{ $column }` が 2 回あります
    }
    .hint = { $problem ->
        [no-table] シナリオの項目の下に、1 列目が `node` の見出し行を置き、その下に選択肢 1 つにつき 1 行を書きます(docs/spreadsheet.md)。
        [missing-column] 見出し行に `{ $column }` の列を追加してください。列の一覧は docs/spreadsheet.md にあります。
       *[repeated-column] どちらかの列を削除するか、名前を直してください。
    }
E057 = { $what ->
        [column] 不明な列 `{ $name }`
       *[key] 不明な項目 `{ $name }`
    }
    .hint = { $suggested ->
        [yes] `{ $suggestion }` の書き間違いではありませんか。
       *[other] 使える名前は docs/spreadsheet.md にあります。
    }
E058 = { $expected ->
        [number] 数値ではありません
        [numbers] 数値の並びではありません
        [name] 名前(英字で始まり、英数字と _ だけ)ではありません
        [names] 名前の並び(空白かカンマで区切る)ではありません
        [one-value] この項目の値は B 列の 1 つだけです
        [ending] 期限は終了ノード(`ending` の列)にだけ書けます
       *[node-row] ノードの項目はノードの最初の行にだけ書けます
    }
    .hint = { $expected ->
        [number] 42、-5、0.75 のように書いてください。
        [numbers] 1 3 のように、数値を空白かカンマで区切ってください。
        [name] 例: Primary、HungUp、FeelingsApology。
        [names] 例: FeelingsApology Restates。一覧は docs/scenario-format.md にあります。
        [one-value] C 列を空にしてください(C 列は文章の英語だけに使います)。
        [ending] `ending` の列に FollowUp などを書くか、期限を消してください。
       *[node-row] `node` の列が空の行は上のノードの続きで、選択肢と待ちの言葉だけを持てます。この値はノードの最初の行に移してください。
    }
E059 = どのノードにも項目にも属さない行です
    .hint = 表では、この行の前に `node` の列を埋めた行が必要です。表より上では、1 列目に項目名を書いてください。

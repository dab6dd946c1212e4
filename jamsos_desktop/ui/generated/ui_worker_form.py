# generated from forms/worker_form.ui by compile_forms, do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'worker_form.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDialog, QFormLayout, QFrame, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_WorkerForm(object):
    def setupUi(self, workerForm):
        if not workerForm.objectName():
            workerForm.setObjectName(u"workerForm")
        workerForm.resize(960, 680)
        self.mainLayout = QVBoxLayout(workerForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.identityGroup = QGroupBox(workerForm)
        self.identityGroup.setObjectName(u"identityGroup")
        self.identityLayout = QFormLayout(self.identityGroup)
        self.identityLayout.setObjectName(u"identityLayout")
        self.identityLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nikLabel = QLabel(self.identityGroup)
        self.nikLabel.setObjectName(u"nikLabel")

        self.identityLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nikLabel)

        self.nikEdit = QLineEdit(self.identityGroup)
        self.nikEdit.setObjectName(u"nikEdit")
        self.nikEdit.setMaxLength(24)

        self.identityLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nikEdit)

        self.noNikCheck = QCheckBox(self.identityGroup)
        self.noNikCheck.setObjectName(u"noNikCheck")

        self.identityLayout.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.noNikCheck)

        self.nikInfoLabel = QLabel(self.identityGroup)
        self.nikInfoLabel.setObjectName(u"nikInfoLabel")
        self.nikInfoLabel.setWordWrap(True)
        self.nikInfoLabel.setTextFormat(Qt.TextFormat.RichText)

        self.identityLayout.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.nikInfoLabel)

        self.duplicateFrame = QFrame(self.identityGroup)
        self.duplicateFrame.setObjectName(u"duplicateFrame")
        self.duplicateFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.duplicateLayout = QHBoxLayout(self.duplicateFrame)
        self.duplicateLayout.setObjectName(u"duplicateLayout")
        self.duplicateLayout.setContentsMargins(8, 4, 4, 4)
        self.duplicateLabel = QLabel(self.duplicateFrame)
        self.duplicateLabel.setObjectName(u"duplicateLabel")
        self.duplicateLabel.setWordWrap(True)

        self.duplicateLayout.addWidget(self.duplicateLabel)

        self.openExistingButton = QPushButton(self.duplicateFrame)
        self.openExistingButton.setObjectName(u"openExistingButton")
        self.openExistingButton.setAutoDefault(False)

        self.duplicateLayout.addWidget(self.openExistingButton)


        self.identityLayout.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.duplicateFrame)

        self.kkLabel = QLabel(self.identityGroup)
        self.kkLabel.setObjectName(u"kkLabel")

        self.identityLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.kkLabel)

        self.kkEdit = QLineEdit(self.identityGroup)
        self.kkEdit.setObjectName(u"kkEdit")
        self.kkEdit.setMaxLength(24)

        self.identityLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.kkEdit)

        self.nameLabel = QLabel(self.identityGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.identityLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.identityGroup)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(100)

        self.identityLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.birthPlaceLabel = QLabel(self.identityGroup)
        self.birthPlaceLabel.setObjectName(u"birthPlaceLabel")

        self.identityLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.birthPlaceLabel)

        self.birthPlaceEdit = QLineEdit(self.identityGroup)
        self.birthPlaceEdit.setObjectName(u"birthPlaceEdit")
        self.birthPlaceEdit.setMaxLength(60)

        self.identityLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.birthPlaceEdit)

        self.birthDateLabel = QLabel(self.identityGroup)
        self.birthDateLabel.setObjectName(u"birthDateLabel")

        self.identityLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.birthDateLabel)

        self.birthDateEdit = QLineEdit(self.identityGroup)
        self.birthDateEdit.setObjectName(u"birthDateEdit")
        self.birthDateEdit.setMaxLength(10)

        self.identityLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.birthDateEdit)

        self.sexLabel = QLabel(self.identityGroup)
        self.sexLabel.setObjectName(u"sexLabel")

        self.identityLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.sexLabel)

        self.sexCombo = QComboBox(self.identityGroup)
        self.sexCombo.setObjectName(u"sexCombo")

        self.identityLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.sexCombo)

        self.notesLabel = QLabel(self.identityGroup)
        self.notesLabel.setObjectName(u"notesLabel")

        self.identityLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(self.identityGroup)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMaximumHeight(64)
        self.notesEdit.setTabChangesFocus(True)

        self.identityLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.columnsLayout.addWidget(self.identityGroup)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.addressGroup = QGroupBox(workerForm)
        self.addressGroup.setObjectName(u"addressGroup")
        self.addressLayout = QFormLayout(self.addressGroup)
        self.addressLayout.setObjectName(u"addressLayout")
        self.addressLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.districtLabel = QLabel(self.addressGroup)
        self.districtLabel.setObjectName(u"districtLabel")

        self.addressLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.districtLabel)

        self.districtCombo = QComboBox(self.addressGroup)
        self.districtCombo.setObjectName(u"districtCombo")

        self.addressLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.districtCombo)

        self.villageLabel = QLabel(self.addressGroup)
        self.villageLabel.setObjectName(u"villageLabel")

        self.addressLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.villageLabel)

        self.villageCombo = QComboBox(self.addressGroup)
        self.villageCombo.setObjectName(u"villageCombo")
        self.villageCombo.setEditable(True)
        self.villageCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.addressLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.villageCombo)

        self.addressLabel = QLabel(self.addressGroup)
        self.addressLabel.setObjectName(u"addressLabel")

        self.addressLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(self.addressGroup)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMaxLength(200)

        self.addressLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.rtRwLabel = QLabel(self.addressGroup)
        self.rtRwLabel.setObjectName(u"rtRwLabel")

        self.addressLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.rtRwLabel)

        self.rtRwLayout = QHBoxLayout()
        self.rtRwLayout.setObjectName(u"rtRwLayout")
        self.rtEdit = QLineEdit(self.addressGroup)
        self.rtEdit.setObjectName(u"rtEdit")
        self.rtEdit.setMaximumWidth(64)
        self.rtEdit.setMaxLength(3)

        self.rtRwLayout.addWidget(self.rtEdit)

        self.rtRwSlash = QLabel(self.addressGroup)
        self.rtRwSlash.setObjectName(u"rtRwSlash")
        self.rtRwSlash.setText(u"/")

        self.rtRwLayout.addWidget(self.rtRwSlash)

        self.rwEdit = QLineEdit(self.addressGroup)
        self.rwEdit.setObjectName(u"rwEdit")
        self.rwEdit.setMaximumWidth(64)
        self.rwEdit.setMaxLength(3)

        self.rtRwLayout.addWidget(self.rwEdit)

        self.rtRwSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rtRwLayout.addItem(self.rtRwSpacer)


        self.addressLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.rtRwLayout)


        self.rightColumn.addWidget(self.addressGroup)

        self.membershipGroup = QGroupBox(workerForm)
        self.membershipGroup.setObjectName(u"membershipGroup")
        self.membershipLayout = QFormLayout(self.membershipGroup)
        self.membershipLayout.setObjectName(u"membershipLayout")
        self.membershipLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.occupationLabel = QLabel(self.membershipGroup)
        self.occupationLabel.setObjectName(u"occupationLabel")

        self.membershipLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.occupationLabel)

        self.occupationCombo = QComboBox(self.membershipGroup)
        self.occupationCombo.setObjectName(u"occupationCombo")
        self.occupationCombo.setEditable(True)
        self.occupationCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.membershipLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.occupationCombo)

        self.phoneLabel = QLabel(self.membershipGroup)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.membershipLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.membershipGroup)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(20)

        self.membershipLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.incomeLabel = QLabel(self.membershipGroup)
        self.incomeLabel.setObjectName(u"incomeLabel")

        self.membershipLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.incomeLabel)

        self.incomeSpin = QSpinBox(self.membershipGroup)
        self.incomeSpin.setObjectName(u"incomeSpin")
        self.incomeSpin.setPrefix(u"Rp")
        self.incomeSpin.setMinimum(0)
        self.incomeSpin.setMaximum(99999999)
        self.incomeSpin.setSingleStep(100000)
        self.incomeSpin.setValue(1000000)

        self.membershipLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.incomeSpin)

        self.kpjLabel = QLabel(self.membershipGroup)
        self.kpjLabel.setObjectName(u"kpjLabel")

        self.membershipLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.kpjLabel)

        self.kpjEdit = QLineEdit(self.membershipGroup)
        self.kpjEdit.setObjectName(u"kpjEdit")
        self.kpjEdit.setMaxLength(16)

        self.membershipLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.kpjEdit)

        self.statusLabel = QLabel(self.membershipGroup)
        self.statusLabel.setObjectName(u"statusLabel")

        self.membershipLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(self.membershipGroup)
        self.statusCombo.setObjectName(u"statusCombo")

        self.membershipLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.statusCombo)


        self.rightColumn.addWidget(self.membershipGroup)


        self.columnsLayout.addLayout(self.rightColumn)


        self.mainLayout.addLayout(self.columnsLayout)

        self.heirsGroup = QGroupBox(workerForm)
        self.heirsGroup.setObjectName(u"heirsGroup")
        self.heirsLayout = QVBoxLayout(self.heirsGroup)
        self.heirsLayout.setObjectName(u"heirsLayout")
        self.heirsTable = QTableWidget(self.heirsGroup)
        if (self.heirsTable.columnCount() < 4):
            self.heirsTable.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.heirsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.heirsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.heirsTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.heirsTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.heirsTable.setObjectName(u"heirsTable")
        self.heirsTable.setMinimumHeight(84)
        self.heirsTable.setMaximumHeight(120)
        self.heirsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.heirsTable.setColumnCount(4)

        self.heirsLayout.addWidget(self.heirsTable)

        self.heirButtonsLayout = QHBoxLayout()
        self.heirButtonsLayout.setObjectName(u"heirButtonsLayout")
        self.addHeirButton = QPushButton(self.heirsGroup)
        self.addHeirButton.setObjectName(u"addHeirButton")
        self.addHeirButton.setAutoDefault(False)

        self.heirButtonsLayout.addWidget(self.addHeirButton)

        self.removeHeirButton = QPushButton(self.heirsGroup)
        self.removeHeirButton.setObjectName(u"removeHeirButton")
        self.removeHeirButton.setAutoDefault(False)

        self.heirButtonsLayout.addWidget(self.removeHeirButton)

        self.heirsMessageLabel = QLabel(self.heirsGroup)
        self.heirsMessageLabel.setObjectName(u"heirsMessageLabel")
        self.heirsMessageLabel.setWordWrap(True)

        self.heirButtonsLayout.addWidget(self.heirsMessageLabel)

        self.heirButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.heirButtonsLayout.addItem(self.heirButtonsSpacer)


        self.heirsLayout.addLayout(self.heirButtonsLayout)


        self.mainLayout.addWidget(self.heirsGroup)

        self.consentGroup = QGroupBox(workerForm)
        self.consentGroup.setObjectName(u"consentGroup")
        self.consentLayout = QVBoxLayout(self.consentGroup)
        self.consentLayout.setObjectName(u"consentLayout")
        self.purposeLabel = QLabel(self.consentGroup)
        self.purposeLabel.setObjectName(u"purposeLabel")
        self.purposeLabel.setWordWrap(True)

        self.consentLayout.addWidget(self.purposeLabel)

        self.consentCheck = QCheckBox(self.consentGroup)
        self.consentCheck.setObjectName(u"consentCheck")
        self.consentCheck.setChecked(True)

        self.consentLayout.addWidget(self.consentCheck)


        self.mainLayout.addWidget(self.consentGroup)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.summaryLabel = QLabel(workerForm)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.summaryLabel.sizePolicy().hasHeightForWidth())
        self.summaryLabel.setSizePolicy(sizePolicy)

        self.buttonsLayout.addWidget(self.summaryLabel)

        self.cancelButton = QPushButton(workerForm)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.cancelButton)

        self.saveButton = QPushButton(workerForm)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonsLayout.addWidget(self.saveButton)


        self.mainLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.nikLabel.setBuddy(self.nikEdit)
        self.kkLabel.setBuddy(self.kkEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.birthPlaceLabel.setBuddy(self.birthPlaceEdit)
        self.birthDateLabel.setBuddy(self.birthDateEdit)
        self.sexLabel.setBuddy(self.sexCombo)
        self.notesLabel.setBuddy(self.notesEdit)
        self.districtLabel.setBuddy(self.districtCombo)
        self.villageLabel.setBuddy(self.villageCombo)
        self.addressLabel.setBuddy(self.addressEdit)
        self.rtRwLabel.setBuddy(self.rtEdit)
        self.occupationLabel.setBuddy(self.occupationCombo)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.incomeLabel.setBuddy(self.incomeSpin)
        self.kpjLabel.setBuddy(self.kpjEdit)
        self.statusLabel.setBuddy(self.statusCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nikEdit, self.noNikCheck)
        QWidget.setTabOrder(self.noNikCheck, self.kkEdit)
        QWidget.setTabOrder(self.kkEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.birthPlaceEdit)
        QWidget.setTabOrder(self.birthPlaceEdit, self.birthDateEdit)
        QWidget.setTabOrder(self.birthDateEdit, self.sexCombo)
        QWidget.setTabOrder(self.sexCombo, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.districtCombo)
        QWidget.setTabOrder(self.districtCombo, self.villageCombo)
        QWidget.setTabOrder(self.villageCombo, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.rtEdit)
        QWidget.setTabOrder(self.rtEdit, self.rwEdit)
        QWidget.setTabOrder(self.rwEdit, self.occupationCombo)
        QWidget.setTabOrder(self.occupationCombo, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.incomeSpin)
        QWidget.setTabOrder(self.incomeSpin, self.kpjEdit)
        QWidget.setTabOrder(self.kpjEdit, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.heirsTable)
        QWidget.setTabOrder(self.heirsTable, self.addHeirButton)
        QWidget.setTabOrder(self.addHeirButton, self.removeHeirButton)
        QWidget.setTabOrder(self.removeHeirButton, self.consentCheck)
        QWidget.setTabOrder(self.consentCheck, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.cancelButton)

        self.retranslateUi(workerForm)

        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(workerForm)
    # setupUi

    def retranslateUi(self, workerForm):
        workerForm.setWindowTitle(QCoreApplication.translate("WorkerForm", u"Data pekerja", None))
        self.identityGroup.setTitle(QCoreApplication.translate("WorkerForm", u"Identitas", None))
        self.nikLabel.setText(QCoreApplication.translate("WorkerForm", u"&NIK", None))
        self.nikEdit.setPlaceholderText(QCoreApplication.translate("WorkerForm", u"16 digit, seperti di KTP", None))
        self.noNikCheck.setText(QCoreApplication.translate("WorkerForm", u"Belum punya NIK", None))
#if QT_CONFIG(tooltip)
        self.noNikCheck.setToolTip(QCoreApplication.translate("WorkerForm", u"Tandai bila pekerja memang belum memiliki NIK. Jangan isi NIK pengganti.", None))
#endif // QT_CONFIG(tooltip)
        self.kkLabel.setText(QCoreApplication.translate("WorkerForm", u"No. &KK", None))
        self.kkEdit.setPlaceholderText(QCoreApplication.translate("WorkerForm", u"16 digit, boleh dikosongkan", None))
        self.nameLabel.setText(QCoreApplication.translate("WorkerForm", u"Na&ma lengkap", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("WorkerForm", u"seperti di KTP", None))
        self.birthPlaceLabel.setText(QCoreApplication.translate("WorkerForm", u"Tempat lahir", None))
        self.birthDateLabel.setText(QCoreApplication.translate("WorkerForm", u"&Tanggal lahir", None))
        self.birthDateEdit.setPlaceholderText(QCoreApplication.translate("WorkerForm", u"hh-bb-tttt, mis. 17-08-1985", None))
        self.sexLabel.setText(QCoreApplication.translate("WorkerForm", u"&Jenis kelamin", None))
        self.notesLabel.setText(QCoreApplication.translate("WorkerForm", u"Catatan", None))
        self.addressGroup.setTitle(QCoreApplication.translate("WorkerForm", u"Alamat", None))
        self.districtLabel.setText(QCoreApplication.translate("WorkerForm", u"Ke&camatan", None))
        self.villageLabel.setText(QCoreApplication.translate("WorkerForm", u"&Desa/Kelurahan", None))
        self.addressLabel.setText(QCoreApplication.translate("WorkerForm", u"Alamat", None))
        self.addressEdit.setPlaceholderText(QCoreApplication.translate("WorkerForm", u"jalan, dusun, nomor rumah", None))
        self.rtRwLabel.setText(QCoreApplication.translate("WorkerForm", u"RT / RW", None))
        self.rtEdit.setPlaceholderText(QCoreApplication.translate("WorkerForm", u"RT", None))
        self.rwEdit.setPlaceholderText(QCoreApplication.translate("WorkerForm", u"RW", None))
        self.membershipGroup.setTitle(QCoreApplication.translate("WorkerForm", u"Pekerjaan dan kepesertaan", None))
        self.occupationLabel.setText(QCoreApplication.translate("WorkerForm", u"&Pekerjaan", None))
        self.phoneLabel.setText(QCoreApplication.translate("WorkerForm", u"No. &HP", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("WorkerForm", u"mis. 0812 3456 7890", None))
        self.incomeLabel.setText(QCoreApplication.translate("WorkerForm", u"Penghasilan per bulan", None))
#if QT_CONFIG(tooltip)
        self.incomeSpin.setToolTip(QCoreApplication.translate("WorkerForm", u"Penghasilan yang dilaporkan; iuran JKK = 1 % dari jumlah ini.", None))
#endif // QT_CONFIG(tooltip)
        self.kpjLabel.setText(QCoreApplication.translate("WorkerForm", u"No. KP&J", None))
        self.kpjEdit.setPlaceholderText(QCoreApplication.translate("WorkerForm", u"11 digit, dari BPJS (bila sudah ada)", None))
        self.statusLabel.setText(QCoreApplication.translate("WorkerForm", u"&Status", None))
        self.heirsGroup.setTitle(QCoreApplication.translate("WorkerForm", u"Ahli waris (urutan PP 44/2015 pasal 37)", None))
        ___qtablewidgetitem = self.heirsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("WorkerForm", u"Nama ahli waris", None))
        ___qtablewidgetitem1 = self.heirsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("WorkerForm", u"Hubungan", None))
        ___qtablewidgetitem2 = self.heirsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("WorkerForm", u"NIK (bila ada)", None))
        ___qtablewidgetitem3 = self.heirsTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("WorkerForm", u"No. HP", None))
        self.addHeirButton.setText(QCoreApplication.translate("WorkerForm", u"Tambah ahli waris", None))
        self.removeHeirButton.setText(QCoreApplication.translate("WorkerForm", u"Hapus baris terpilih", None))
        self.consentGroup.setTitle(QCoreApplication.translate("WorkerForm", u"Persetujuan pemrosesan data (UU 27/2022)", None))
        self.consentCheck.setText(QCoreApplication.translate("WorkerForm", u"Tujuan ini sudah dijelaskan kepada pekerja dan ia setuju datanya diproses", None))
        self.cancelButton.setText(QCoreApplication.translate("WorkerForm", u"Batal", None))
        self.saveButton.setText(QCoreApplication.translate("WorkerForm", u"&Simpan", None))
    # retranslateUi

